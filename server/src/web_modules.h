// The page's ES modules (server/web/*.js), compiled in by server/CMakeLists.txt (web_modules.cpp,
// generated): each is served from /static/<name>.
#pragma once

#include <cstddef>
#include <vector>

namespace vanban::http {

struct WebModule {
    const char* name;  ///< "app.js", "view_document.js"
    const unsigned char* data;
    std::size_t size;
};

const std::vector<WebModule>& web_modules();

}  // namespace vanban::http
