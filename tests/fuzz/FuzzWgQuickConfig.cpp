// wg-quick text (core/vpn/WgQuickText) on arbitrary bytes: imported
// configuration files. Oracles:
// - every refusal is VALIDATION_ERROR "line N: ..." with details.line in
//   1..number of lines;
// - a config read from text never carries hooks (they are set apart);
// - an accepted config renders (its fields pass checkConfig), and the
//   rendered text parses back to the same config, with no hooks; the
//   rendered text is a fixed point;
// - its stripped form parses to the same wg fields and nothing else.

#include "FuzzCheck.h"
#include "vpn/WgQuickText.h"

using namespace hm;
using namespace hm::vpn;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = wgquick::parse(text);
    if (!parsed) {
        HM_FUZZ_CHECK(parsed.error().code == ErrorCode::ValidationError, "unexpected error code");
        HM_FUZZ_CHECK(parsed.error().message.startsWith(QStringLiteral("line ")),
                      "an error without its line");
        const int line = parsed.error().details.value(QStringLiteral("line")).toInt();
        HM_FUZZ_CHECK(line >= 1 && line <= text.count(u'\n') + 1, "error line out of range");
        return 0;
    }
    const WgQuickConfig &config = parsed->config;
    HM_FUZZ_CHECK(config.interface.hooks.isEmpty(), "parsed hooks landed in the config");
    const auto rendered = wgquick::render(config);
    HM_FUZZ_CHECK(rendered.ok(), "an accepted config does not render");
    const auto again = wgquick::parse(*rendered);
    HM_FUZZ_CHECK(again.ok(), "a rendered config does not parse");
    HM_FUZZ_CHECK(!again->hasImportedHooks(), "rendering wrote hooks it was not given");
    HM_FUZZ_CHECK(again->config == config, "render then parse changed the config");
    const auto renderedAgain = wgquick::render(again->config);
    HM_FUZZ_CHECK(renderedAgain.ok() && *renderedAgain == *rendered, "render is not a fixed point");

    const auto stripped = wgquick::renderStripped(config);
    HM_FUZZ_CHECK(stripped.ok(), "an accepted config does not render stripped");
    const auto strippedParsed = wgquick::parse(*stripped);
    HM_FUZZ_CHECK(strippedParsed.ok(), "the stripped form does not parse");
    const WgInterface &in = strippedParsed->config.interface;
    HM_FUZZ_CHECK(in.addresses.isEmpty() && in.dns.isEmpty() && in.dnsSearch.isEmpty() && !in.mtu &&
                      in.table.isEmpty() && !in.saveConfig && !strippedParsed->hasImportedHooks(),
                  "the stripped form kept a wg-quick-only key");
    HM_FUZZ_CHECK(in.privateKey == config.interface.privateKey &&
                      in.listenPort == config.interface.listenPort &&
                      in.fwMark == config.interface.fwMark &&
                      strippedParsed->config.peers == config.peers,
                  "the stripped form changed a wg field");
    return 0;
}
