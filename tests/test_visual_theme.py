"""Visual theme lookup: override folder, then chosen theme, then the built-in default."""

from __future__ import annotations

from pathlib import Path

from .conftest import overlay, run


def test_override_extends_the_template_it_replaces(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    overlay(tmp_path / "custom", {
        "templates/base.html": (
            '{% extends "!default/base.html" %}\n'
            '{% block head %}<meta name="theme-test" content="extended">{% endblock %}\n'),
        "static/extra.css": "body { color: #111; }\n",
        "static/site.css": "/* replaced */\n",
    })
    result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                 "--theme-override", "custom")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "reports" / "north-2025.html").read_text()
    assert '<meta name="theme-test" content="extended">' in html
    assert "Example of effectiveness:" in html, "the rest of the default template still renders"
    assert (tmp_path / "out" / "static" / "extra.css").read_text() == "body { color: #111; }\n"
    assert (tmp_path / "out" / "static" / "site.css").read_text() == "/* replaced */\n"
    assert (tmp_path / "out" / "static" / "print.css").is_file()


def test_template_syntax_error_names_the_template_and_line(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    overlay(tmp_path / "custom", {"templates/index.html": "line one\n{% if %}\n"})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                 "--theme-override", "custom")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("custom/templates/index.html:2: "
                                                    "template syntax error:")


def test_undefined_variable_names_the_template_and_line(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    overlay(tmp_path / "custom", {"templates/index.html": "ok\n\n{{ no_such_thing }}\n"})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                 "--theme-override", "custom")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("custom/templates/index.html:3: template error: "
                                             "'no_such_thing' is undefined")
    assert not (tmp_path / "out").exists()


def test_unknown_visual_theme(site) -> None:  # type: ignore[no-untyped-def]
    site("minimal")
    result = run("build", "--content", "site", "--out", "out", "--visual-theme", "glossy")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == "glossy: unknown visual theme 'glossy'; known: default"


def test_the_built_in_themes_stylesheets_fetch_nothing_from_elsewhere() -> None:
    """Builds check only an override's stylesheets; the built-in ones are checked here."""
    from spotlight.content.theme import themes_root
    from spotlight.content.theme_css import css_warnings

    sheets = [(static, sheet) for static in sorted(themes_root().glob("*/static"))
              for sheet in sorted(static.rglob("*.css"))]
    assert sheets
    for static, sheet in sheets:
        relative = sheet.relative_to(static).as_posix()
        assert css_warnings(sheet.read_text(encoding="utf-8"), relative) == [], sheet


def test_templates_read_every_key_of_the_files_as_written(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A key declared on a content file reaches the templates with nothing else to change:
    the site file's as ``site.settings``, a report's as ``report.source``, an example's as
    ``example.front``."""
    site("minimal")
    overlay(tmp_path / "custom", {
        "templates/report.html": (
            '{% extends "!default/report.html" %}\n'
            '{% block head %}<meta name="keys" content="{{ site.settings.organisation }}, '
            'handouts {{ site.settings.pdf.handouts }}, {{ report.source.fieldwork.start }}, '
            '{{ report.source.region }}">{% endblock %}\n'),
        "templates/example.html": (
            '{% extends "!default/example.html" %}\n'
            '{% block head %}<meta name="keys" content="{{ example.front.sentence_type }}, '
            '{{ example.front.standards | join(" ") }}">{% endblock %}\n'),
    })
    result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                 "--theme-override", "custom")
    assert result.exit_code == 0, result.output
    report = (tmp_path / "out" / "reports" / "north-2025.html").read_text()
    assert '<meta name="keys" content="Test Inspectorate, handouts True, 2025-01-06, north">' \
        in report
    example = (tmp_path / "out" / "examples" / "first-case.html").read_text()
    assert '<meta name="keys" content="community-order, 2.1">' in example


def test_a_template_cannot_reach_pythons_internals(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The sandbox stays: a theme reaching for a private attribute, or for one through
    ``str.format``, fails the build naming the line, and writes nothing."""
    site("minimal")
    for attempt in ("{{ site.__class__.__mro__ }}", "{{ site.title.__class__ }}",
                    "{{ '{0.__class__}'.format(site) }}", "{{ site.url.__globals__ }}",
                    "{% for report in site.reports %}{{ report.__dict__ }}{% endfor %}"):
        overlay(tmp_path / "custom", {"templates/index.html": f"ok\n{attempt}\n"})
        result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                     "--theme-override", "custom")
        assert result.exit_code == 1, attempt
        first = result.stderr.splitlines()[0]
        assert first.startswith("custom/templates/index.html:2: template error: "), first
        assert "unsafe" in first, first
        assert not (tmp_path / "out").exists()


def test_an_override_of_the_example_card_shows_on_every_listing(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A card rendered for one listing page is used again on the others only where it would
    be the same: this one names the listing it is on."""
    site("minimal")
    overlay(tmp_path / "custom", {"templates/partials/example_card.html": (
        '<li class="my-card">{{ entry.title }}, listed under {{ listing.title }}'
        '{% if listing.children %} (with PDUs){% endif %}</li>\n')})
    result = run("build", "--content", "site", "--out", "out", "--no-pdf",
                 "--theme-override", "custom")
    assert result.exit_code == 0, result.output
    listings = {"practice-themes/court-work.html": ("Court work", 1),
                "regions/north.html": ("North", 2), "pdus/north-city.html": ("North City", 1),
                "standards/2-1.html": ("2.1 Assessment", 1)}
    for page, (title, cards) in listings.items():
        html = (tmp_path / "out" / page).read_text()
        assert html.count('<li class="my-card">') == cards, page
        suffix = " (with PDUs)" if page == "regions/north.html" else ""
        assert f'<li class="my-card">First case, listed under {title}{suffix}</li>' in html, page
        assert "example-card" not in html, page


def test_check_reports_unused_template_and_missing_stylesheet(site, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``check`` says what a build would: the unused file as a warning, the link to a file no
    static/ folder has as an error naming the template's line."""
    site("minimal")
    overlay(tmp_path / "custom", {"templates/exmaple.html": "<p>Changed</p>\n"})
    result = run("check", "--content", "site", "--theme-override", "custom")
    assert ("custom/templates/exmaple.html:1:1: warning: theme-override: is not used: no "
            "template of the visual theme is called 'exmaple.html', and no other template of "
            "the override folder brings it in; did you mean 'example.html'?") \
        in result.output.splitlines(), result.output
    overlay(tmp_path / "custom", {"templates/base.html": (
        '{% extends "!default/base.html" %}\n'
        '{% block head %}<link rel="stylesheet" href="{{ root }}static/brand2.css">'
        '{% endblock %}\n')})
    result = run("check", "--content", "site", "--theme-override", "custom")
    assert result.exit_code == 1
    assert ("custom/templates/base.html:2:1: error: invalid: links to 'static/brand2.css', "
            "which no static/ folder has (neither the visual theme's nor the content folder's): "
            "11 pages would have a broken link") in result.output, result.output


def test_the_built_in_theme_links_only_files_it_has(tmp_path: Path) -> None:
    """Builds look for links to missing static/ files only with an override or a chosen
    theme; the built-in theme's pages are checked here, on the sample content."""
    from spotlight.content.theme import ThemeLayer, VisualTheme, load_theme
    from spotlight.site.static_links import missing_static

    from .conftest import copy_site

    content = copy_site("sample", tmp_path / "content")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--no-pdf")
    assert result.exit_code == 0, result.output
    pages = {p.relative_to(tmp_path / "out").as_posix(): p.read_text(encoding="utf-8")
             for p in (tmp_path / "out").rglob("*.html")}
    theme, _ = load_theme("default", None)
    assert theme is not None
    assert missing_static(pages, theme, (), "https://example.org/") == []
    layer = theme.layers[0]
    without = VisualTheme((ThemeLayer(layer.label, layer.folder, layer.templates,
                                      {k: v for k, v in layer.static.items() if k != "site.css"}),))
    found = missing_static(pages, without, (), "https://example.org/")
    assert [Path(p.path).parts[-2:] for p in found] == [("templates", "base.html")], found
    assert found[0].message.startswith("links to 'static/site.css'")
