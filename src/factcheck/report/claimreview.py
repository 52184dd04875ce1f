"""schema.org ClaimReview (JSON-LD), for exchange with other fact-checkers.

Verdict -> rating, on a 1 (worst) to 5 (best) scale, higher meaning more accurate:

| verdict | ratingValue | alternateName |
| --- | --- | --- |
| pass | 5 | True |
| warn | 3 | Partly true |
| fail | 1 | False |
| error | — | Could not be checked (no rating) |
| skip | — | Unverifiable (no rating) |

A circular pass (the only evidence repeats the publication) is rated 3,
"Unconfirmed": agreeing with a relay of itself confirms nothing.
"""

from __future__ import annotations

import json
from typing import Any

RATINGS = {
    "pass": (5, "True"),
    "warn": (3, "Partly true"),
    "fail": (1, "False"),
    "error": (None, "Could not be checked"),
    "skip": (None, "Unverifiable"),
}
CIRCULAR = (3, "Unconfirmed")


def render(report: dict[str, Any], **_: Any) -> str:
    sources = {s["file"]: s for s in report.get("sources", [])}
    reviews = []
    for claim in report["claims"]:
        source = sources.get(claim["file"], {})
        value, name = RATINGS[claim["verdict"]]
        if claim["verdict"] == "pass" and claim.get("circular"):
            value, name = CIRCULAR
        rating: dict[str, Any] = {
            "@type": "Rating",
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": claim["explanation"],
        }
        if value is not None:
            rating["ratingValue"] = value
        appearance = {
            "@type": "NewsArticle",
            "headline": source.get("title"),
            "datePublished": source.get("published"),
        }
        if source.get("url"):
            appearance["url"] = source["url"]
        if source.get("publisher"):
            appearance["publisher"] = {"@type": "Organization", "name": source["publisher"]}
        reviews.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": claim["id"],
            "claimReviewed": claim["quote"],
            "datePublished": report["generated"][:10],
            "itemReviewed": {"@type": "Claim", "appearance": appearance,
                             "firstAppearance": appearance},
            "reviewRating": rating,
            "author": {"@type": "Organization", "name": "factcheck"},
        })  # fmt: skip
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
