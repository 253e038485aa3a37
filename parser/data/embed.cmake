# Turns a data file into a C++ source holding its bytes, so the parser stays free of file I/O.
# Usage: cmake -DIN=file -DOUT=file.cpp -DSYMBOL=name -P embed.cmake
file(READ "${IN}" content HEX)
string(LENGTH "${content}" len)
math(EXPR bytes "${len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," content "${content}")
file(WRITE "${OUT}" "// Generated from ${IN} by embed.cmake: do not edit.\n#include <cstddef>\nnamespace vanban::detail {\nextern const unsigned char ${SYMBOL}[] = {${content} 0x00};\nextern const std::size_t ${SYMBOL}_size = ${bytes};\n}\n")
