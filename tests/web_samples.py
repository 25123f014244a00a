"""Saved web pages written for the tests: a newspaper's article page with its furniture
(menus, side bar advertisements, share buttons, related links, comments, footer), a GBK
page laid out with tables and <br>, and a blog post in semantic HTML5."""

from __future__ import annotations

NEWS_TITLE = "春耕时节农机忙"
NEWS_PARAGRAPHS = [
    "连日来，江边县各乡镇的农民抢抓农时，田间地头一派繁忙景象。",
    "在城关镇的示范田里，十几台拖拉机来回穿梭，翻起的泥土散发着清香。合作社负责人说，今年新添了三台播种机，一天能播两百多亩。",
    "县农业局的技术人员也来到地里，手把手教农民调试机器、检查种子。",
    "据统计，全县今年春播面积预计比去年增加一成，农机作业率超过八成。",
]
NEWS_BYLINE = "张明 李红"
# Words that appear only in the page's furniture: none may reach the article.
NEWS_JUNK = [
    "首页", "国内新闻", "您的位置", "广告", "招商热线", "分享到", "相关阅读", "热门文章",
    "网友评论", "这篇报道写得真好", "版权所有", "联系我们", "ICP",
]  # fmt: skip


def news_page(resource_base: str = "http://127.0.0.1:9") -> str:
    """A newspaper's article page; images, styles and scripts name `resource_base`."""
    paragraphs = "".join(f"<p>　　{text}</p>" for text in NEWS_PARAGRAPHS[:-1])
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{NEWS_TITLE}_国内新闻_江边日报网</title>
<meta property="og:title" content="{NEWS_TITLE}">
<meta name="author" content="江边日报网">
<link rel="stylesheet" href="{resource_base}/style.css">
<script src="{resource_base}/tracker.js"></script>
<script>document.write("脚本里的文字");</script>
</head><body>
<div class="header"><a href="/"><img src="{resource_base}/logo.png" alt="江边日报网"></a>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/gn">国内新闻</a></li>
<li><a href="/gj">国际新闻</a></li><li><a href="/ty">体育</a></li></ul></div>
<div class="breadcrumb">您的位置：<a href="/">首页</a> &gt; <a href="/gn">国内新闻</a></div>
<div class="wrap">
 <div class="main">
  <h1>{NEWS_TITLE}</h1>
  <div class="info"><span>2024-03-05 08:30</span> <span>来源：江边日报</span></div>
  <div class="article-content">{paragraphs}
   <p><img src="{resource_base}/photo.jpg" alt="田间的拖拉机"></p>
   <p>　　{NEWS_PARAGRAPHS[-1]}（{NEWS_BYLINE}）</p>
   <p class="editor">（责任编辑：王五）</p>
  </div>
  <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
  <div class="related"><h3>相关阅读</h3><ul>
   <li><a href="/1">全县春播工作会议召开，部署今年农业生产任务</a></li>
   <li><a href="/2">新型播种机走进田间地头</a></li></ul></div>
 </div>
 <div class="sidebar">
  <div class="ad"><a href="/ad"><img src="{resource_base}/ad.gif">广告：招商热线，欢迎来电咨询，合作共赢，共创未来。</a></div>
  <div class="hot"><h3>热门文章</h3><ul><li><a href="/3">江边大桥正式通车，市民出行更方便了</a></li>
   <li><a href="/4">春季养生，专家给出这些建议</a></li></ul></div>
 </div>
</div>
<div id="comments"><h3>网友评论</h3>
 <div class="comment-item"><p>这篇报道写得真好，我们村今年也买了新的拖拉机，种地轻松多了，希望政府继续支持农业机械化，让农民的日子越过越好。</p></div>
 <div class="comment-item"><p>农机补贴政策好，但是维修点太少，坏了要跑很远，希望有关部门重视，多建几个维修站，方便农民。</p></div>
</div>
<div class="footer"><p>版权所有 江边日报网 | <a href="/contact">联系我们</a> | ICP备案号 12345</p></div>
<iframe src="{resource_base}/frame.html"></iframe>
</body></html>"""


GBK_TITLE = "河边新修了步道"
GBK_LINES = [
    "沿河步道已经完工，全长三公里，市民晚饭后常来散步。",
    "步道两旁种上了桃树和柳树，每隔一段还有座椅，可以坐下来看看河水。",
    "附近的居民说，以前这里杂草丛生，现在成了大家最喜欢去的地方。",
]


def gbk_page() -> bytes:
    """An old-style page in GBK: tables for layout, the article as <br>-separated text."""
    text = "<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{line}" for line in GBK_LINES)
    page = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{GBK_TITLE}--江边县政府网</title></head>
<body><table width="100%"><tr><td class="top"><a href="/">网站首页</a> | <a href="/zw">政务公开</a>
 | <a href="/bs">办事服务</a></td></tr></table>
<table width="960"><tr>
<td width="200" class="left"><a href="/a">通知公告</a><br><a href="/b">政策文件</a><br>
<a href="/c">部门动态</a></td>
<td width="760"><div class="title">{GBK_TITLE}</div>
<div class="zw">{text}</div></td></tr></table>
<table><tr><td class="bottom">主办：江边县人民政府办公室　地址：江边县人民路1号</td></tr></table>
</body></html>"""
    return page.encode("gbk")


BLOG_TITLE = "第一次学做包子"
BLOG_PARAGRAPHS = [
    "周末在家没事，决定跟着妈妈学做包子。",
    "和面是第一步。面粉里加温水和酵母，揉到表面光滑，盖上湿布放在暖和的地方发酵。",
    "馅是白菜猪肉的。白菜剁碎以后要挤掉水分，不然包的时候会漏。",
    "第一次包出来的包子有大有小，样子也不好看，但是蒸好以后，味道一点也不差。",
]


def blog_page() -> str:
    """A blog post in HTML5 sectioning elements, with a long comment thread."""
    body = "".join(f"<p>{text}</p>" for text in BLOG_PARAGRAPHS)
    comments = "".join(
        f'<li class="reply"><p>{text}</p></li>'
        for text in [
            "看起来很好吃！我上次做的时候面没发好，蒸出来硬邦邦的，后来才知道冬天要放在暖气旁边，发酵的时间也要长一些。",
            "白菜挤水这个办法很实用，谢谢分享。我一般还会加一点香菇，味道更香，你下次也可以试试，说不定会喜欢。",
            "包子的褶子不好捏，多练几次就好了，我也是包了好几锅才学会的，现在一次能包五十个，家里人都爱吃。",
        ]
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{BLOG_TITLE} | 小林的厨房</title></head>
<body>
<header><h1 class="site">小林的厨房</h1><nav><a href="/">文章</a> <a href="/about">关于我</a></nav></header>
<main>
 <article>
  <header><h2>{BLOG_TITLE}</h2><p class="byline">作者：林小雨</p><time>2024年3月2日</time></header>
  {body}
  <footer>标签：<a href="/t/1">面食</a> <a href="/t/2">家常菜</a></footer>
 </article>
 <section class="comments"><h3>评论（3）</h3><ol>{comments}</ol></section>
</main>
<aside><h3>关于我</h3><p>一个喜欢做饭的上班族，周末常在家里研究新菜。</p></aside>
<footer><p>© 2024 小林的厨房</p></footer>
</body></html>"""


WIRE_LEAD = "新华社北京3月5日电（记者 王芳）"
WIRE_PARAGRAPHS = [
    WIRE_LEAD + "记者从有关部门获悉，今年全国将新建和改造农村公路三万公里。",
    "有关负责人表示，农村公路建设将重点解决偏远地区群众出行难的问题。",
]


def wire_page() -> str:
    """A wire story without any author markup: the byline is in the lead."""
    body = "".join(f"<p>{text}</p>" for text in WIRE_PARAGRAPHS)
    return f"""<html><head><meta charset="utf-8"><title>全国将新建改造农村公路三万公里</title></head>
<body><div id="nav"><a href="/">首页</a><a href="/news">新闻</a></div>
<div id="detail"><h1>全国将新建改造农村公路三万公里</h1>{body}</div></body></html>"""
