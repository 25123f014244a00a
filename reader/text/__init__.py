"""The text pipeline: decode → reflow → split → segment. Qt-free and pure where it can be."""
