"""Data Docs that work from their folder alone: no network reference left.

GX's pages load jQuery, Bootstrap, bootstrap-table, Font Awesome, Vega and a date picker
from six public CDNs, and its header logo from S3 with the context's id in the query
string. Offline, the index lists nothing (`$ is not defined`) and status icons are blank;
online, every page view is a request to third parties. The files those pages need are
shipped with factcheck (`assets/`, copied from the npm packages of exactly the versions GX
names, each with its licence: see assets/README.md); they are copied into the site's
`static/vendor/` and every page points at them. Links to GX's website and newsletter
lose their `href` (the text stays), so nothing on a page reaches the network.
"""

from __future__ import annotations

import os
import re
import shutil
from importlib import resources
from pathlib import Path

# CDN address (as GX 1.x writes it) -> the file under assets/.
ASSETS: dict[str, str] = {
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery-3.7.1/jquery.min.js",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": (
        "bootstrap-4.3.1/bootstrap.min.css"
    ),
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": (
        "bootstrap-4.3.1/bootstrap.min.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": (
        "popper.js-1.12.9/popper.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": (
        "bootstrap-table-1.19.1/bootstrap-table.min.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": (
        "bootstrap-table-1.19.1/bootstrap-table.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.min.js": (
        "bootstrap-table-1.19.1/bootstrap-table-filter-control.min.js"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.css": (
        "bootstrap-table-1.19.0/bootstrap-table-filter-control.css"
    ),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.min.css": (
        "bootstrap-table-1.19.0/bootstrap-table-filter-control.min.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": (
        "fontawesome-free-6.6.0/css/all.min.css"
    ),
    "https://cdn.jsdelivr.net/npm/vega@5": "vega-5.33.1/vega.min.js",
    "https://cdn.jsdelivr.net/npm/vega-lite@5": "vega-lite-5.23.0/vega-lite.min.js",
    "https://cdn.jsdelivr.net/npm/vega-embed@6": "vega-embed-6.29.0/vega-embed.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/"
    "bootstrap-datepicker.min.css": "bootstrap-datepicker-1.9.0/bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/"
    "bootstrap-datepicker.min.js": "bootstrap-datepicker-1.9.0/bootstrap-datepicker.min.js",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/"
    "bootstrap-prefers-dark.css": "bootstrap-dark-1.1.0/bootstrap-prefers-dark.css",
}

VENDOR = Path("static") / "vendor"

# GX's header logo on S3 (a beacon carrying the time and the context's id).
_S3_ASSET = re.compile(
    r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/[\w.-]+"
    r"(\?[^\"'\s)]*)?"
)
_LINK = re.compile(r"""\shref=(["'])https?://[^"']*\1""")
# What still reaches the network after rewriting: an address in src/href/action or url().
NETWORK = re.compile(r"""(?:\b(?:src|href|action)=["']|url\(["']?)\s*(?:https?:)?//""", re.I)


def make_offline(site: Path) -> list[str]:
    """Copy the vendored assets into `site` and point every page at them. Returns each
    network reference left (page: reference), which should be none."""
    shutil.copytree(_assets(), site / VENDOR, dirs_exist_ok=True)
    logo = site / "static" / "images" / "logo-long.png"
    left: list[str] = []
    for page in sorted([*site.rglob("*.html"), *site.rglob("*.css")]):
        if VENDOR in page.relative_to(site).parents:
            continue  # the vendored files themselves
        text = page.read_text(encoding="utf-8")
        fixed = _S3_ASSET.sub(_relative(logo, page), text)
        for address, local in ASSETS.items():
            fixed = fixed.replace(address, _relative(site / VENDOR / local, page))
        fixed = _LINK.sub("", fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
        left += [f"{page.relative_to(site)}: {m.group(0)}" for m in NETWORK.finditer(fixed)]
    return left


def _relative(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page.parent)).as_posix()


def _assets() -> Path:
    return Path(str(resources.files("factcheck.export") / "assets"))
