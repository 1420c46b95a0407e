#include "document/sections.hpp"

namespace pvr::document {

std::optional<Paragraph> archive_note(const BuildContext& ctx) {
    const auto& archive = ctx.data.archive;
    if (!archive || !archive->own_sha256 || !archive->own_file) {
        return std::nullopt;
    }
    std::string text = ctx.tr.format(Msg::archive_note_own, *archive->own_file, *archive->own_sha256);
    text += ' ';
    if (archive->previous_file) {
        text +=
            ctx.tr.format(Msg::archive_note_previous, *archive->previous_file, archive->previous_sha256.value_or("?"));
    } else {
        text += ctx.text(Msg::archive_note_first);
    }
    if (!archive->pruned.empty()) {
        const auto count = static_cast<std::int64_t>(archive->pruned.size());
        text += ' ' + ctx.tr.format_n(Msg::archive_note_restarted, count, count);
    }
    text += ' ';
    text += ctx.text(Msg::archive_note_check);
    return Paragraph{text, Tone::muted};
}

} // namespace pvr::document
