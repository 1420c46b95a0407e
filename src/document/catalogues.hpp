#pragma once
// The gettext catalogues po/<lang>.po, embedded into the binary at build time
// (cmake/EmbedCatalogues.cmake generates the definition of embedded_catalogues()).

#include <string>
#include <string_view>
#include <vector>

namespace pvr::document {

struct EmbeddedCatalogue {
    std::string_view lang; // "fr", "de": the file's name without ".po"
    std::string text;      // the file's content
};

/// Every po/*.po file of the source tree, sorted by language code.
[[nodiscard]] const std::vector<EmbeddedCatalogue>& embedded_catalogues();

} // namespace pvr::document
