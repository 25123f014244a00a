"""Yuedu (阅读): the reader application — text pipeline, library and Qt UI."""

__version__ = "0.1.0"
