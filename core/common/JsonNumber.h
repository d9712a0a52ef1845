#pragma once

// A JSON number read the way Qt's JSON reader reads it, for the hand-written
// readers that take the common shapes of a text without QJsonDocument and
// hand anything else to it (fleet/ReportText: an agent's report, UTF-16;
// flow/DefinitionText: a flow definition, UTF-8). Both must accept exactly
// what Qt accepts and give the same double, so both use this one scanner
// (their differential tests, TestReportText and TestFlowDefinitionText,
// compare them with Qt's reader).
//
// Inline: the report reader calls it for every metric value.

#include <QtGlobal>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <type_traits>

namespace hm::json {

namespace detail {

template <typename Char> unsigned numberCode(Char c)
{
    return unsigned(std::make_unsigned_t<Char>(c));
}

template <typename Char> const Char *skipDigits(const Char *p, const Char *end)
{
    while (p < end && numberCode(*p) >= '0' && numberCode(*p) <= '9')
        ++p;
    return p;
}

} // namespace detail

// The end of the number token starting at `p` in strict JSON syntax (RFC
// 8259: an optional '-', 0 or a digit run without a leading zero, an
// optional fraction and exponent, each with at least one digit), or
// nullptr when none starts there. Char: any code unit type (char, unsigned
// char, char16_t); the token is ASCII. *integer: without a fraction and an
// exponent.
template <typename Char> const Char *scanNumber(const Char *p, const Char *end, bool *integer)
{
    using detail::numberCode;
    const auto isDigit = [](const Char *at) {
        return numberCode(*at) >= '0' && numberCode(*at) <= '9';
    };
    *integer = true;
    if (p < end && numberCode(*p) == '-')
        ++p;
    if (p >= end)
        return nullptr;
    if (numberCode(*p) == '0')
        ++p;
    else if (numberCode(*p) >= '1' && numberCode(*p) <= '9')
        p = detail::skipDigits(p, end);
    else
        return nullptr;
    if (p < end && numberCode(*p) == '.') {
        *integer = false;
        ++p;
        if (p >= end || !isDigit(p))
            return nullptr;
        p = detail::skipDigits(p, end);
    }
    if (p < end && (numberCode(*p) == 'e' || numberCode(*p) == 'E')) {
        *integer = false;
        ++p;
        if (p < end && (numberCode(*p) == '+' || numberCode(*p) == '-'))
            ++p;
        if (p >= end || !isDigit(p))
            return nullptr;
        p = detail::skipDigits(p, end);
    }
    return p;
}

// The double Qt's reader hands out through toDouble() for the token
// [first, last) scanNumber() accepted; false for what Qt might refuse or
// keep differently: out of range, subnormal, negative zero written with a
// fraction or an exponent.
inline bool numberValue(const char *first, const char *last, bool integer, double *out)
{
    if (integer) {
        // Qt keeps these as 64-bit integers; toDouble() converts.
        qint64 n = 0;
        const auto [ptr, ec] = std::from_chars(first, last, n);
        if (ec == std::errc() && ptr == last) {
            *out = static_cast<double>(n);
            return true;
        }
    }
    double d = 0;
    const auto [ptr, ec] = std::from_chars(first, last, d);
    if (ec != std::errc() || ptr != last || !std::isfinite(d))
        return false;
    if (d == 0 ? std::signbit(d) : std::fabs(d) < DBL_MIN)
        return false;
    *out = d;
    return true;
}

} // namespace hm::json
