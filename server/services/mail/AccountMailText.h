#pragma once

// The words of account e-mail (password reset, e-mail verification, lockout
// notice, test) in the user's language. The three languages sit in a table
// here rather than in the server's .ts catalogues: these mails carry a
// credential, and a missing catalogue must not turn a Chinese user's reset
// mail into one they cannot read.

#include "server/i18n/ServerLanguage.h"

#include <QString>

namespace hm::server::mail {

struct AccountMailText
{
    QString subject;
    QString text;
};

// `link`: the public URL with ?token=…; empty: the mail says to paste the
// token into the console's sign-in dialog.
AccountMailText resetMailText(i18n::Language language, const QString &name, const QString &token,
                              const QString &link, int validMinutes);
AccountMailText verifyMailText(i18n::Language language, const QString &name, const QString &token,
                               const QString &link, int validHours);
AccountMailText lockoutMailText(i18n::Language language, const QString &name, int lockMinutes);
AccountMailText testMailText(i18n::Language language);

// A user's stored language tag ("en", "zh-TW", "zh-CN"); English for
// anything else.
i18n::Language accountMailLanguage(const QString &tag);

} // namespace hm::server::mail
