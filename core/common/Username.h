#pragma once

#include <QString>

namespace hm {

// The username rule, shared by the server (which decides) and the console
// (which checks before sending). A username is stored and looked up in
// Unicode normalisation form C, so "e" + U+0301 and "é" are one name.
// Allowed, counted in code points (not UTF-16 units) after normalising:
//   - 3 to 64 characters;
//   - letters of any script (Unicode categories L*: Latin, Chinese, ...)
//     and decimal digits (Nd), plus '_', '.' and '-';
//   - combining marks (Mn, Mc) only right after a letter of a script other
//     than Latin, Greek and Cyrillic (those write accents precomposed in
//     NFC; a free mark there would make look-alikes such as "admi\u0307n");
//   - Latin, Greek and Cyrillic letters not mixed with each other (the
//     look-alikes "аdmin" with a Cyrillic а); other mixes such as Han with
//     Latin are allowed.
// Spaces, control and format characters (U+200B, U+202E, ...) and all
// other symbols are refused.
enum class UsernameProblem
{
    None,
    Length,
    Character,
    MixedScripts
};

inline constexpr int kUsernameMinLength = 3;
inline constexpr int kUsernameMaxLength = 64;

QString normalizedUsername(const QString &name);
// The problem of a name already normalised, or None.
UsernameProblem usernameProblem(const QString &normalized);
// What two usernames are compared by for uniqueness and login: NFC, then
// Unicode case folding (so "Éric" and "éric" are one name).
QString usernameKey(const QString &name);

} // namespace hm
