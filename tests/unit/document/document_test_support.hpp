#pragma once
// Helpers to look into a built Document.

#include "document/document.hpp"

#include <string>
#include <vector>

namespace pvr::test {

inline const document::Section* find_section(const document::Document& doc, const std::string& anchor) {
    for (const auto& section : doc.sections) {
        if (section.anchor == anchor) {
            return &section;
        }
    }
    return nullptr;
}

template <typename T>
std::vector<const T*> blocks_of(const document::Section& section) {
    std::vector<const T*> out;
    for (const auto& block : section.blocks) {
        if (const auto* b = std::get_if<T>(&block)) {
            out.push_back(b);
        }
    }
    return out;
}

template <typename T>
const T* first_block(const document::Section& section) {
    const auto all = blocks_of<T>(section);
    return all.empty() ? nullptr : all.front();
}

} // namespace pvr::test
