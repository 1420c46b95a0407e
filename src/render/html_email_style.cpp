#include "render/html_email_style.hpp"

namespace pvr::render {
namespace {

using document::Align;
using document::Tone;

std::string_view align_style(Align align) {
    switch (align) {
    case Align::right:
        return "text-align:right;";
    case Align::center:
        return "text-align:center;";
    case Align::left:
        break;
    }
    return "text-align:left;";
}

} // namespace

std::string_view email_body_style() {
    return "margin:0;background:#ffffff;color:#1b1b1b;font-family:DejaVu Sans,Segoe UI,Helvetica Neue,Arial,"
           "sans-serif;font-size:14px;line-height:1.45;";
}

std::string email_tile_style(Tone tone) {
    std::string css = "display:inline-block;vertical-align:top;box-sizing:border-box;width:150px;margin:0 8px 8px 0;"
                      "padding:10px 12px;border:1px solid #b0bec5;font-size:14px;color:#1b1b1b;"
                      "text-decoration:none;";
    switch (tone) {
    case Tone::good:
        return css + "border-top:6px solid #2e7d32;background:#ffffff;";
    case Tone::info:
        return css + "border-top:6px dotted #1f4fa3;background:#ffffff;";
    case Tone::warning:
        return css + "border-top:6px dashed #e69500;background:#ffffff;";
    case Tone::critical:
        return css + "border-top:6px solid #8e1b15;background:#fbeceb;";
    case Tone::muted:
        return css + "border-top:6px solid #bdbdbd;background:#ffffff;color:#5f6368;";
    case Tone::neutral:
        break;
    }
    return css + "border-top:6px solid #b0bec5;background:#ffffff;";
}

std::string email_label_style(Tone tone) {
    const std::string css = "padding:1px 8px;border-radius:9px;font-size:12px;white-space:nowrap;";
    switch (tone) {
    case Tone::good:
        return css + "font-weight:bold;background:#e3f4e4;border:1px solid #2e7d32;color:#1b5e20;";
    case Tone::info:
        return css + "font-weight:bold;background:#e8eefb;border:1px dotted #1f4fa3;color:#163a78;";
    case Tone::warning:
        return css + "font-weight:bold;background:#fff1d6;border:1px dashed #b26a00;color:#5c3700;";
    case Tone::critical:
        return css + "font-weight:bold;background:#8e1b15;border:1px solid #5c100c;color:#ffffff;";
    case Tone::muted:
        return css + "font-weight:normal;background:#f1f1f1;border:1px solid #bdbdbd;color:#555555;";
    case Tone::neutral:
        break;
    }
    return css + "font-weight:bold;background:#ffffff;border:1px solid #78909c;color:#263238;";
}

std::string email_cell_style(const document::Column& column, const document::Cell& cell) {
    // Only what differs from a plain cell (the table's cellpadding does the spacing): inline
    // styles on every cell would triple the size of the message.
    std::string css;
    if (column.align != Align::left) {
        css += align_style(column.align);
    }
    if (column.nowrap) {
        css += "white-space:nowrap;";
    }
    if (!cell.as_label) {
        switch (cell.tone) {
        case Tone::good:
            css += "color:#1b5e20;";
            break;
        case Tone::info:
            css += "color:#163a78;";
            break;
        case Tone::warning:
            css += "color:#8a4b00;font-weight:bold;";
            break;
        case Tone::critical:
            css += "color:#8e1b15;font-weight:bold;";
            break;
        case Tone::muted:
            css += "color:#6b6b6b;";
            break;
        case Tone::neutral:
            break;
        }
    }
    return css;
}

std::string email_header_style(const document::Column& column) {
    return std::string(align_style(column.align)) +
           "background:#eceff1;color:#263238;border-bottom:2px solid #90a4ae;padding:5px 6px;vertical-align:bottom;";
}

} // namespace pvr::render
