"""The jinja2 templates of the site and the values every page shares."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from flashgen.site.urls import relative, root_of

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: http: https:; "
       "object-src 'self'; base-uri 'none'; form-action 'none'; frame-src 'self'")

NAV = (("index.html", "Home", "홈"), ("timeline.html", "Timeline", "학습 기록"), ("study.html", "Flashcards", "카드"),
       ("labs/index.html", "Labs", "실습"), ("tags/index.html", "Tags", "태그"))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("flashgen.site", "templates"),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    return env


def compile_templates() -> None:
    """Compile every template now (each is compiled on its first use otherwise)."""
    env = _environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


class Renderer:
    """Renders a named template as one page of the site."""

    def __init__(self, site_name: str, has_labs: bool = True) -> None:
        self.site_name = site_name
        self.has_labs = has_labs

    def page(self, template: str, page: str, title: str, **values) -> str:
        """The HTML of `page` (its site path decides the relative URLs of shared assets and the nav)."""
        nav = [(relative(page, target), en, ko, target == page) for target, en, ko in NAV
               if self.has_labs or target != "labs/index.html"]
        return _environment().get_template(template + ".j2").render(
            page=page, root=root_of(page), title=title, site_name=self.site_name, csp=CSP, nav=nav,
            home=relative(page, "index.html"), asset=lambda name: relative(page, "assets/" + name), **values)
