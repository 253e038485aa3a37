// What the Akoma Ntoso writer and reader share: the namespaces (docs/AKN.md).
#pragma once

namespace vanban::detail::akn {

inline constexpr const char* kNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// Our proprietary block (meta/proprietary): what AKN has no element for.
inline constexpr const char* kVanbanNamespace = "urn:vanban:akn:1";

}  // namespace vanban::detail::akn
