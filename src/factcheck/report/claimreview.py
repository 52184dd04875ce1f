"""schema.org ClaimReview (JSON-LD), for exchange with other fact-checkers.

A list with one ClaimReview per claim, in report order. The rating scale is 1 (worst) to
5 (best), higher meaning more accurate, with bestRating/worstRating always written:

| verdict         | ratingValue | alternateName                                  |
| --------------- | ----------- | ---------------------------------------------- |
| pass            | 5           | True                                           |
| warn            | 4           | Mostly true                                    |
| fail            | 1           | False                                          |
| pass, circular  | (none)      | Unconfirmed: the only data repeats the article |
| error           | (none)      | Could not be checked                           |
| skip            | (none)      | Unverifiable                                   |

Decision: skipped and errored claims are included (a reader exchanging reviews should
see what was looked at and left open), but with no ratingValue, because no rating on the
scale was reached; `include_unrated=False` leaves them out. A circular pass is unrated for
the same reason: agreeing with a relay of itself confirms nothing. Manual claims are rated
by their editor's verdict.

Output is JSON with `<`, `>` and `&` written as \\u003c, \\u003e, \\u0026 (the same
strings), so it can be pasted into a `<script type="application/ld+json">` safely.

`url` (the page where the review is published; each claim gets `url#claim-<id>`) and
`author` (the fact-checking organisation) are options: schema.org readers expect both,
and factcheck cannot know them, so they are omitted rather than invented.

Every URL written is http(s) with a host: an article's `url: javascript:...` (or `data:`,
`file:`) is left out, since a reader of the JSON-LD may render it as a link.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from factcheck.report._common import http_url, prepare, source_of
from factcheck.results import ClaimResult, JsonObject, RunReport

# verdict -> (ratingValue or None, alternateName); see the table above.
RATINGS: dict[str, tuple[int | None, str]] = {
    "pass": (5, "True"),
    "warn": (4, "Mostly true"),
    "fail": (1, "False"),
    "error": (None, "Could not be checked"),
    "skip": (None, "Unverifiable"),
}
CIRCULAR: tuple[int | None, str] = (None, "Unconfirmed: the only data repeats the article")
BEST, WORST = 5, 1


def render(
    report: RunReport | JsonObject,
    *,
    url: str | None = None,
    author: str | None = None,
    author_url: str | None = None,
    include_unrated: bool = True,
) -> str:
    report = prepare(report)
    reviews = []
    for claim in report.claims:
        value, name = rating_of(claim)
        if value is None and not include_unrated:
            continue
        reviews.append(_review(report, claim, value, name, url, author, author_url))
    text = json.dumps(reviews, indent=2, ensure_ascii=False)
    # JSON-LD usually ends up inside <script type="application/ld+json">: a quote holding
    # "</script>" must not close that element. \u003c is the same JSON string.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text + "\n"


def rating_of(claim: ClaimResult) -> tuple[int | None, str]:
    if claim.verdict == "pass" and claim.circular:
        return CIRCULAR
    return RATINGS[claim.verdict]


def _review(
    report: RunReport,
    claim: ClaimResult,
    value: int | None,
    name: str,
    url: str | None,
    author: str | None,
    author_url: str | None,
) -> JsonObject:
    source = source_of(report, claim.file)
    appearance: dict[str, object] = {"@type": "NewsArticle" if source.publisher else "CreativeWork"}
    if http_url(source.url):  # a `javascript:` URL in a YAML file is left out
        appearance["url"] = http_url(source.url)
    for key, said in (("headline", source.title), ("datePublished", source.published)):
        if said:
            appearance[key] = said
    if source.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": source.publisher}
    item: dict[str, object] = {"@type": "Claim", "appearance": appearance}
    if source.publisher:
        item["author"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        item["datePublished"] = source.published

    rating: dict[str, object] = {"@type": "Rating"}
    if value is not None:
        rating["ratingValue"] = value
    rating.update(
        bestRating=BEST,
        worstRating=WORST,
        alternateName=name,
        ratingExplanation=claim.explanation,
    )

    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.id,
    }
    if http_url(url):
        review["url"] = f"{url}#claim-{quote(claim.id, safe='')}"
    review["claimReviewed"] = claim.quote
    if report.generated:
        review["datePublished"] = report.generated[:10]
    if author:
        organisation = {"@type": "Organization", "name": author}
        if http_url(author_url) and author_url:
            organisation["url"] = author_url
        review["author"] = organisation
    review["itemReviewed"] = item
    review["reviewRating"] = rating
    return review
