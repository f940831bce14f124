"""The CSS and templates of flashgen's Anki note types (readable in light and dark mode, Korean fonts).

Every text colour reads at 4.5:1 or more on what is behind it, in Anki's light and night modes alike (the tests
measure the rendered cards); code blocks are dark in both modes, so a cloze inside code has a colour of its own."""

CSS = """
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Apple SD Gothic Neo",
    "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", "Source Han Sans K", "NanumGothic", "Nanum Gothic",
    "UnDotum", sans-serif;
  font-size: 20px; line-height: 1.6; text-align: left; color: #1f2328; background: #ffffff;
  max-width: 46em; margin: 0 auto; padding: 0.5em 1em; word-break: keep-all; overflow-wrap: anywhere;
}
.context { font-size: 0.7em; color: #656d76; margin-bottom: 0.6em; }
.prompt { font-size: 0.75em; color: #0969da; margin-top: 0.4em; }
.front { font-weight: 600; }
hr#answer { border: 0; border-top: 1px solid #d0d7de; margin: 1em 0; }
.back .extra, .extra { font-size: 0.8em; color: #656d76; }
a { color: #0969da; }
.source { font-size: 0.65em; color: #656d76; margin-top: 1.2em; }
.source a { color: inherit; }
pre.code { font-family: "D2Coding", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK KR",
  "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "NanumGothic", monospace;
  font-size: 0.75em; line-height: 1.45; background: #0d1117; color: #e6edf3; border: 1px solid #30363d; border-radius: 6px;
  padding: 0.8em 1em; overflow-x: auto; white-space: pre; tab-size: 2; }
code { font-family: "D2Coding", Menlo, Consolas, monospace; font-size: 0.85em; background: rgba(175,184,193,0.2);
  border-radius: 4px; padding: 0.1em 0.3em; }
pre.code code { background: none; padding: 0; font-size: 1em; }
mark { background: #fff8c5; color: inherit; }
.cloze { font-weight: 700; color: #0969da; }
pre.code .cloze, .nightMode pre.code .cloze, .night_mode pre.code .cloze { color: #79c0ff; }
.missing-image { display: inline-block; border: 2px dashed #cf222e; color: #cf222e; border-radius: 6px;
  padding: 0.3em 0.6em; font-size: 0.8em; }
.internal-link, .tag { color: #0969da; }
.internal-link.is-unresolved { color: #cf222e; text-decoration: line-through dotted; }
img { max-width: 100%; height: auto; }
.callout { border-left: 4px solid #0969da; background: rgba(9,105,218,0.06); padding: 0.4em 0.8em; margin: 0.6em 0; }
.callout-title { font-weight: 600; }
.nightMode .card, .night_mode .card, .card.nightMode, .card.night_mode { color: #e6edf3; background: #0d1117; }
.nightMode .context, .night_mode .context, .nightMode .source, .night_mode .source { color: #9198a1; }
.nightMode .prompt, .night_mode .prompt, .nightMode .cloze, .night_mode .cloze,
.nightMode .internal-link, .night_mode .internal-link, .nightMode .tag, .night_mode .tag { color: #4493f8; }
.nightMode mark, .night_mode mark { background: #bb800926; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #30363d; }
.nightMode .extra, .night_mode .extra { color: #9198a1; }
.nightMode a, .night_mode a { color: #4493f8; }
.nightMode .source a, .night_mode .source a { color: inherit; }
.nightMode .missing-image, .night_mode .missing-image, .nightMode .internal-link.is-unresolved,
.night_mode .internal-link.is-unresolved { color: #ff7b72; border-color: #ff7b72; }
"""

FRONT = """<div class="context">{{Context}}</div>
<div class="front">{{Front}}</div>
{{#Prompt}}<div class="prompt">{{Prompt}}</div>{{/Prompt}}"""

BACK = """{{FrontSide}}
<hr id="answer">
<div class="back">{{Back}}</div>
<div class="source">{{Source}}</div>"""

REVERSE_FRONT = """<div class="context">{{Context}}</div>
<div class="front">{{Back}}</div>"""

REVERSE_BACK = """{{FrontSide}}
<hr id="answer">
<div class="back">{{Front}}</div>
<div class="source">{{Source}}</div>"""

CLOZE_FRONT = """<div class="context">{{Context}}</div>
{{#Prompt}}<div class="prompt">{{Prompt}}</div>{{/Prompt}}
<div class="text">{{cloze:Text}}</div>"""

CLOZE_BACK = """<div class="context">{{Context}}</div>
<div class="text">{{cloze:Text}}</div>
{{#Extra}}<hr id="answer"><div class="extra">{{Extra}}</div>{{/Extra}}
<div class="source">{{Source}}</div>"""
