// Small constructors for the blocks every section uses.

#include "document/sections.hpp"

#include <utility>

namespace pvr::document {

Section make_section(const BuildContext& ctx, const char* anchor, Msg title) {
    Section section;
    section.anchor = anchor;
    section.title = ctx.text(title);
    return section;
}

Paragraph muted(std::string text) { return Paragraph{std::move(text), Tone::muted}; }

Column column(std::string title, double weight, Align align, bool nowrap) {
    Column c;
    c.title = std::move(title);
    c.weight = weight;
    c.align = align;
    c.nowrap = nowrap;
    return c;
}

Cell text_cell(std::string text) {
    Cell cell;
    cell.text = std::move(text);
    return cell;
}

Cell mono_cell(std::string text) {
    Cell cell;
    cell.text = std::move(text);
    cell.monospace = true;
    return cell;
}

Cell label_cell(std::string text, Tone tone) {
    Cell cell;
    cell.text = std::move(text);
    cell.tone = tone;
    cell.as_label = true;
    return cell;
}

Cell none_cell() {
    Cell cell;
    cell.text = "—";
    cell.tone = Tone::muted;
    return cell;
}

} // namespace pvr::document
