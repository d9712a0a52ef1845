#pragma once

// wg-quick configuration text (issue 36, point 3): render a WgQuickConfig,
// render the stripped form `wg setconf` / `wg syncconf` read (what
// `wg-quick strip` prints: no Address, DNS, MTU, Table, hooks or
// SaveConfig), and parse a file.
//
// Parsing follows wg-quick and wg: keys are case-insensitive, '#' starts a
// comment anywhere on a line (';' is not a comment: a line starting with
// it is an error, as for wg), blank lines are skipped, Address, AllowedIPs
// and DNS take comma lists and may repeat, endpoints are host:port with
// IPv6 literals in brackets. Unknown keys and sections are errors. Errors
// are ValidationError "line N: reason" with details line and field; a
// secret value (PrivateKey, PresharedKey) never appears in one, nor does
// any other value.
//
// Hooks (PreUp, PostUp, PreDown, PostDown) in parsed text never land in
// WgQuickImport::config: they are returned in importedHooks, flagged, and
// the caller refuses the import or drops them. render() writes only the
// hooks of config.interface.hooks, which only the server fills.

#include "common/Result.h"
#include "vpn/WgQuickConfig.h"

namespace hm::vpn::wgquick {

struct WgQuickImport
{
    WgQuickConfig config;  // interface.hooks is always empty
    WgHooks importedHooks; // hook lines found in the text, never trusted

    bool hasImportedHooks() const { return !importedHooks.isEmpty(); }
};

// The full wg-quick file. Runs checkConfig(config, HookSource::Server)
// first: a field that could break the file out of its line is refused.
Result<QString> render(const WgQuickConfig &config);
// Only the keys wg(8) reads: PrivateKey, ListenPort, FwMark and the peers.
Result<QString> renderStripped(const WgQuickConfig &config);

Result<WgQuickImport> parse(QStringView text);

} // namespace hm::vpn::wgquick
