#pragma once
// Document -> one self-contained HTML5 file: inline CSS, inline SVG charts, no script and no
// external request, readable in a browser, when printed and as an e-mail body.

#include "document/document.hpp"

#include <string>

namespace pvr::render {

struct HtmlOptions {
    /// The e-mail variant: the essential look (body font, tables, labels, key-figure tiles, colours)
    /// also as inline style attributes, for mail clients that drop or restrict <style> (Outlook,
    /// Gmail in some views). The <style> element stays for the clients that keep it.
    bool inline_styles = false;
};

[[nodiscard]] std::string render_html(const document::Document& doc, const HtmlOptions& options = {});

} // namespace pvr::render
