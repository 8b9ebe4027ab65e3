"""Parsing XML walk files from strangers: no DTD, so no entities, no XML bombs, no fetching.

GPX and TCX never need a DTD. defusedxml refuses any document that declares one, which also
rules out every entity declaration (the "billion laughs" bomb) and external reference.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml import ElementTree as SafeElementTree

from coach.domain.walk_files.model import WalkFileError


def parse_xml(data: bytes) -> Element:
    """The root element of an XML document; raises WalkFileError for a DTD or bad XML."""
    try:
        root: Element = SafeElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as error:
        raise WalkFileError(
            f"it declares a DTD or entities ({type(error).__name__}); walk files never need "
            "one, and such files can be built to exhaust memory, so it is not read"
        ) from None
    except LookupError as error:  # an encoding Python does not know, e.g. encoding="TF-8"
        raise WalkFileError(f"its text encoding is not one we know ({error})") from None
    except ParseError as error:
        raise WalkFileError(f"it is not well-formed XML ({error})") from None
    return root


def local_name(tag: str) -> str:
    """A tag without its {namespace}."""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    """The namespace URI of a tag, or '' when it has none."""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
