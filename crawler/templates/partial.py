"""A selector version for a CMS whose markup is only partly known (a crawler config gives its body or its sapo,
nothing more): the fields it names no selector for are read as on the generic path."""

from crawler.templates.base import SelectorTemplate, Template


class Partial(SelectorTemplate):
    def printed_date(self) -> str | None:
        return super().printed_date() or Template.printed_date(self)
