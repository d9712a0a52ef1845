#pragma once

#include <QRgb>
#include <array>

namespace hm::app {

// The terminal's colours, in one place: the default text on the default
// background, and the 16 ANSI colours (0-7 normal, 8-15 bright) a program
// picks with SGR 30-37 / 90-97. Based on VS Code's dark terminal palette,
// because xterm's and Tango's red, blue and magenta fall under a 3:1
// contrast ratio on this dark background (ls's directories, compiler errors
// were hard to read); bright black is lightened from VS Code's #666666 for
// the same reason, it is what prompts and comments use for "dim".
struct TerminalPalette
{
    static constexpr QRgb defaultForeground = 0xd3d7cf;
    static constexpr QRgb defaultBackground = 0x1c1c1c;
    static constexpr std::array<QRgb, 16> ansi = {
        0x000000, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
        0x767676, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff,
    };
};

} // namespace hm::app
