#!/usr/bin/python3
"""Prints a received e-mail (an .eml file) as JSON for the integration tests: the decoded headers,
the MIME tree (content types, dispositions, file names), the decoded text and HTML bodies and the
attachment's size and first bytes. With --tree, prints the tree as indented text instead."""

import email
import email.policy
import json
import sys


def tree(part, depth=0):
    node = {"type": part.get_content_type(), "disposition": part.get_content_disposition(),
            "filename": part.get_filename(), "encoding": part.get("Content-Transfer-Encoding"),
            "charset": part.get_content_charset()}
    if part.is_multipart():
        node["parts"] = [tree(p, depth + 1) for p in part.iter_parts()]
    return node


def lines(node, depth=0):
    text = "  " * depth + node["type"]
    if node["charset"]:
        text += f"; charset={node['charset']}"
    if node["encoding"]:
        text += f" ({node['encoding']})"
    if node["disposition"]:
        text += f" [{node['disposition']}" + (f": {node['filename']}" if node["filename"] else "") + "]"
    out = [text]
    for child in node.get("parts", []):
        out += lines(child, depth + 1)
    return out


def main():
    with open(sys.argv[-1], "rb") as f:
        raw = f.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if "--tree" in sys.argv:
        print("\n".join(lines(tree(message))))
        return 0
    out = {"headers": {k: str(message[k]) for k in ("From", "To", "Subject", "Date", "Message-ID",
                                                    "MIME-Version", "Auto-Submitted") if message[k] is not None},
           "raw_subject": email.message_from_bytes(raw)["Subject"],  # as on the wire (RFC 2047 words)
           "ascii_only": all(b < 0x80 for b in raw),
           "tree": tree(message), "text": None, "html": None, "attachment": None}
    for part in message.walk():
        if part.is_multipart():
            continue
        if part.get_content_type() == "text/plain" and out["text"] is None:
            out["text"] = part.get_content()
        elif part.get_content_type() == "text/html" and out["html"] is None:
            out["html"] = part.get_content()
        elif part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True)
            out["attachment"] = {"filename": part.get_filename(), "size": len(data),
                                 "head": data[:5].decode("latin-1")}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
