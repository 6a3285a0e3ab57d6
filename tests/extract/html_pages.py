"""Hand-written HTML pages for the HTML extractor tests (shapes of real news pages)."""

from __future__ import annotations

PARAS = [
    "The city council voted on Tuesday to close the old harbour bridge to cars, after "
    "engineers found cracks in two of its steel supports during a routine inspection.",
    "Mayor Ana Ruiz said the closure would last at least six months. \"Nobody will drive "
    "over a bridge we are not sure of,\" she told reporters outside the town hall.",
    "Buses will be rerouted through the northern ring road, adding about fifteen minutes "
    "to the average commute, according to the transport office.",
    "Shop owners near the bridge warned that fewer visitors would reach the old town, "
    "and asked the council for a temporary cut in local business taxes.",
]

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour bridge closed to cars | Northern Gazette</title>
<meta property="og:title" content="Harbour bridge closed to cars">
<meta property="og:site_name" content="Northern Gazette">
<meta name="description" content="Engineers found cracks in the supports.">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Harbour bridge closed to cars",
  "datePublished": "2020-03-03T09:30:00+01:00",
  "author": [{{"@type": "Person", "name": "Jo Marsh"}}],
  "publisher": {{"@type": "Organization", "name": "Northern Gazette"}}}}
</script>
<style>.x {{ color: red }}</style>
</head><body>
<header class="site-header"><nav class="main-menu"><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article class="article">
<h1>Harbour bridge closed to cars</h1>
<p class="standfirst">Engineers found cracks in two steel supports of the old bridge.</p>
<div class="byline">By <a rel="author" href="/jo">Jo Marsh</a></div>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="article-body">
<p>{PARAS[0]}</p>
<figure><img src="bridge.jpg"><figcaption>The harbour bridge at dusk. Photo: Northern
Gazette archive</figcaption></figure>
<p>{PARAS[1]}</p>
<h2>Detours for buses</h2>
<p>{PARAS[2]}</p>
<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day, sign up
now for free and never miss a story again.</p></div>
<p>{PARAS[3]}</p>
<script>window.ads = "never rendered";</script>
</div>
<div class="related-articles"><h3>More on this topic</h3><ul>
<li><a href="/a">Ferry prices to rise in spring</a></li>
<li><a href="/b">New tram line opens in the west end</a></li>
<li><a href="/c">Council budget approved after long debate</a></li></ul></div>
</article>
<section id="comments" class="comments-area"><h3>2 comments</h3>
<ol class="comment-list">
<li id="comment-1" class="comment depth-1">
  <div class="comment-author"><cite class="fn">Pat Lee</cite> <span class="says">says:</span></div>
  <div class="comment-meta"><a href="#comment-1">March 3, 2020 at 10:02 am</a></div>
  <div class="comment-content"><p>About time, that bridge has been shaking for years.</p></div>
  <ul class="children">
  <li id="comment-2" class="comment depth-2">
    <div class="comment-author"><cite class="fn">Sam Ode</cite></div>
    <div class="comment-content"><p>It was fine when I crossed it last week, honestly.</p></div>
  </li></ul>
</li>
<li id="comment-3" class="comment depth-1">
  <div class="comment-author"><cite class="fn">Lovely Anna</cite></div>
  <div class="comment-content"><p>Hot singles and dating in your area, visit
  https://dating.example.net now</p></div>
</li>
</ol></section>
</main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Storm warning for the coast
tonight</a></li><li><a href="/y">Local team wins the cup final</a></li></ul></aside>
<footer class="site-footer"><p>© 2020 Northern Gazette Ltd. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body></html>
"""

#: A page with no metadata at all: title only in <title>, date in a <time> element.
BARE_PAGE = f"""<html><head><title>Bridge closed - Harbour Weekly</title></head><body>
<div id="menu"><a href="/">Front page</a> | <a href="/archive">Archive</a></div>
<div id="main"><h1>Bridge closed</h1><time datetime="2020-03-04">4 March</time>
<div class="text"><p>{PARAS[0]}</p><p>{PARAS[2]}</p></div></div>
<div id="foot">Copyright 2020 Harbour Weekly</div></body></html>
"""
