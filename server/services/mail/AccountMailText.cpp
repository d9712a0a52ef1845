#include "server/services/mail/AccountMailText.h"

#include <QStringList>

namespace hm::server::mail {

namespace {

// One sentence in the three languages.
struct Words
{
    const char *en;
    const char *zhTw;
    const char *zhCn;
};

QString say(i18n::Language language, const Words &words)
{
    switch (language) {
    case i18n::Language::ZhTw:
        return QString::fromUtf8(words.zhTw);
    case i18n::Language::ZhCn:
        return QString::fromUtf8(words.zhCn);
    case i18n::Language::En:
        break;
    }
    return QString::fromUtf8(words.en);
}

const Words kGreeting{"Hello %1,", "%1 您好：", "%1 您好："};
const Words kIgnore{"If you did not ask for this, ignore this message.",
                    "如果這不是您提出的要求，請忽略這封郵件。",
                    "如果这不是您提出的请求，请忽略这封邮件。"};
const Words kOpenLink{"Open this link:", "請開啟以下連結：", "请打开以下链接："};
const Words kPasteToken{"Or enter this code in the HiveMind console's sign-in dialog:",
                        "或在 HiveMind 主控台的登入對話框中輸入以下代碼：",
                        "或在 HiveMind 控制台的登录对话框中输入以下代码："};
const Words kPasteTokenOnly{"Enter this code in the HiveMind console's sign-in dialog:",
                            "請在 HiveMind 主控台的登入對話框中輸入以下代碼：",
                            "请在 HiveMind 控制台的登录对话框中输入以下代码："};

QString withToken(const QString &link, const QString &token)
{
    return link + (link.contains(u'?') ? u'&' : u'?') + QStringLiteral("token=") + token;
}

// The body of a mail that carries a token: what it is for, the link (when
// the server has a public URL) and the code, how long it works.
QString tokenBody(i18n::Language language, const QString &name, const QString &purpose,
                  const QString &token, const QString &link, const QString &validity)
{
    QStringList lines;
    lines << say(language, kGreeting).arg(name) << QString() << purpose << QString();
    if (!link.isEmpty()) {
        lines << say(language, kOpenLink) << withToken(link, token) << QString()
              << say(language, kPasteToken);
    } else {
        lines << say(language, kPasteTokenOnly);
    }
    lines << token << QString() << validity << QString() << say(language, kIgnore);
    return lines.join(u'\n') + u'\n';
}

} // namespace

i18n::Language accountMailLanguage(const QString &tag)
{
    if (tag == QLatin1String("zh-TW"))
        return i18n::Language::ZhTw;
    if (tag == QLatin1String("zh-CN"))
        return i18n::Language::ZhCn;
    return i18n::Language::En;
}

AccountMailText resetMailText(i18n::Language language, const QString &name, const QString &token,
                              const QString &link, int validMinutes)
{
    AccountMailText mail;
    mail.subject = say(language, {"[HiveMind] Reset your password", "[HiveMind] 重設您的密碼",
                                  "[HiveMind] 重置您的密码"});
    const QString purpose = say(
        language, {"Someone asked to reset the password of your HiveMind account.",
                   "有人要求重設您 HiveMind 帳號的密碼。", "有人请求重置您 HiveMind 账号的密码。"});
    const QString validity = say(language, {"The code works once, for %1 minutes.",
                                            "此代碼只能使用一次，%1 分鐘內有效。",
                                            "此代码只能使用一次，%1 分钟内有效。"})
                                 .arg(validMinutes);
    mail.text = tokenBody(language, name, purpose, token, link, validity);
    return mail;
}

AccountMailText verifyMailText(i18n::Language language, const QString &name, const QString &token,
                               const QString &link, int validHours)
{
    AccountMailText mail;
    mail.subject =
        say(language, {"[HiveMind] Verify your e-mail address", "[HiveMind] 驗證您的電子郵件地址",
                       "[HiveMind] 验证您的电子邮件地址"});
    const QString purpose =
        say(language, {"Please confirm that this e-mail address belongs to your HiveMind account.",
                       "請確認此電子郵件地址屬於您的 HiveMind 帳號。",
                       "请确认此电子邮件地址属于您的 HiveMind 账号。"});
    const QString validity =
        say(language, {"The code works once, for %1 hours.", "此代碼只能使用一次，%1 小時內有效。",
                       "此代码只能使用一次，%1 小时内有效。"})
            .arg(validHours);
    mail.text = tokenBody(language, name, purpose, token, link, validity);
    return mail;
}

AccountMailText lockoutMailText(i18n::Language language, const QString &name, int lockMinutes)
{
    AccountMailText mail;
    mail.subject = say(language, {"[HiveMind] Your account was locked",
                                  "[HiveMind] 您的帳號已被鎖定", "[HiveMind] 您的账号已被锁定"});
    QStringList lines;
    lines << say(language, kGreeting).arg(name) << QString()
          << say(language,
                 {"Too many wrong passwords were entered for your HiveMind account, so "
                  "sign-in from that address is locked for %1 minutes.",
                  "您的 HiveMind 帳號輸入錯誤密碼的次數過多，來自該位址的登入已鎖定 %1 分鐘。",
                  "您的 HiveMind 账号输入错误密码的次数过多，来自该地址的登录已锁定 %1 分钟。"})
                 .arg(lockMinutes)
          << QString()
          << say(language, {"If this was not you, reset your password and tell your administrator.",
                            "如果這不是您本人，請重設密碼並通知您的管理員。",
                            "如果这不是您本人，请重置密码并通知您的管理员。"});
    mail.text = lines.join(u'\n') + u'\n';
    return mail;
}

AccountMailText testMailText(i18n::Language language)
{
    AccountMailText mail;
    mail.subject =
        say(language, {"[HiveMind] Test of the account e-mail settings",
                       "[HiveMind] 帳號電子郵件設定測試", "[HiveMind] 账号电子邮件设置测试"});
    mail.text =
        say(language,
            {"This is a test message of HiveMind's account e-mail settings. "
             "Password resets and notices will be sent this way.",
             "這是 HiveMind 帳號電子郵件設定的測試郵件。密碼重設與通知將透過此方式寄出。",
             "这是 HiveMind 账号电子邮件设置的测试邮件。密码重置与通知将通过此方式发送。"}) +
        u'\n';
    return mail;
}

} // namespace hm::server::mail
