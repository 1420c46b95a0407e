#include "render/pdf_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <strings.h>

#include "core/error.hpp"

namespace pvr::render {
namespace {

bool family_resolves(const std::string& family) {
    if (FcInit() == FcFalse) {
        return false;
    }
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(""));
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    bool found = false;
    if (match != nullptr) {
        FcChar8* name = nullptr;
        for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
            if (::strcasecmp(reinterpret_cast<const char*>(name), family.c_str()) == 0) {
                found = true;
                break;
            }
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return found;
}

} // namespace

void ensure_font_family(const std::string& family) {
    if (!family_resolves(family)) {
        throw Error(ErrorKind::output, "The PDF font \"" + family +
                                           "\" is not installed, so the report cannot be rendered. The default "
                                           "fonts come from the Debian packages " +
                                           k_base_font_package + " (DejaVu Sans, DejaVu Sans Mono) and " +
                                           k_fallback_font_packages + " (CJK and emoji).");
    }
}

} // namespace pvr::render
