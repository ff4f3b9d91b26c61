"""What crosses machines, as versioned JSON (never pickle: a worker must not be able to make the writer run code).

- requests in the frontier: scrapy-redis calls ``dumps``/``loads`` of this module (SCHEDULER_SERIALIZER) on
  ``Request.to_dict()``; its bytes (headers, body) are tagged base64;
- record batches and run events pushed by workers and applied by the archive writer: ``message`` / ``read``, with
  the records' own ``as_dict`` and ``from_dict``.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from typing import Any

from archive.record import Article, Failure, Page, as_dict
from crawler.items import Extracted

VERSION = 1
_BYTES = "__b64"


class WireError(ValueError):
    """A message this version cannot read."""


def _default(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray)):
        return {_BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    raise TypeError(f"not serialisable across machines: {type(value).__name__}")


def _hook(obj: dict[str, Any]) -> Any:
    return base64.b64decode(obj[_BYTES]) if len(obj) == 1 and _BYTES in obj else obj


def _str_keys(obj: Any) -> Any:
    """JSON keys are text: header names (bytes in Request.to_dict) become latin-1 text, which Headers accepts."""
    if isinstance(obj, dict):
        return {(k.decode("latin-1") if isinstance(k, bytes) else k): _str_keys(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_str_keys(v) for v in obj]
    return obj


def dumps(obj: Any) -> bytes:
    return json.dumps(_str_keys(obj), default=_default, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    return json.loads(data, object_hook=_hook)


# -- records -----------------------------------------------------------------------------------------------------


def record_to_dict(record: Extracted | Failure) -> dict[str, Any]:
    if isinstance(record, Failure):
        return {"type": "failure", **as_dict(record)}
    return {"type": "extracted", "page": as_dict(record.page),
            "article": record.article.to_dict() if record.article else None,
            "error": record.error, "indexed": record.indexed}


def record_from_dict(data: dict[str, Any]) -> Extracted | Failure:
    kind = data.pop("type")
    if kind == "failure":
        return Failure(**data)
    if kind == "extracted":
        article = Article.from_dict(data["article"]) if data["article"] else None
        return Extracted(Page(**data["page"]), article, data["error"], None, data["indexed"])
    raise WireError(f"unknown record type {kind!r}")


def message(kind: str, worker: str, **fields: Any) -> bytes:
    """One message of the record queue: kind "records" (records, run), "run_started", "run_finished" or
    "run_interrupted"; an id the writer remembers so that it never applies a message twice."""
    if "records" in fields:
        fields["records"] = [record_to_dict(r) for r in fields["records"]]
    return dumps({"v": VERSION, "id": uuid.uuid4().hex, "kind": kind, "worker": worker, "sent_at": time.time(),
                  **fields})


def read(raw: bytes | str) -> dict[str, Any]:
    try:
        data = loads(raw)
    except ValueError as exc:
        raise WireError(f"not a vnnews message: {exc}") from None
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise WireError(f"message version {data.get('v') if isinstance(data, dict) else '?'} (this writer reads "
                        f"{VERSION})")
    if data["kind"] == "records":
        data["records"] = [record_from_dict(r) for r in data["records"]]
    return data
