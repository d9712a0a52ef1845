#include "common/Username.h"

#include <QList>
#include <QStringView>

namespace hm {
namespace {

bool confusableScript(QChar::Script script)
{
    return script == QChar::Script_Latin || script == QChar::Script_Greek ||
           script == QChar::Script_Cyrillic;
}

bool isMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining;
}

} // namespace

QString normalizedUsername(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C);
}

UsernameProblem usernameProblem(const QString &normalized)
{
    const QList<uint> codePoints = QStringView(normalized).toUcs4();
    if (codePoints.size() < kUsernameMinLength || codePoints.size() > kUsernameMaxLength)
        return UsernameProblem::Length;
    QChar::Script confusable = QChar::Script_Unknown; // the first Latin/Greek/Cyrillic letter's
    QChar::Script base = QChar::Script_Unknown;       // of the letter a mark may follow
    for (const uint point : codePoints) {
        const char32_t c = point;
        if (QChar::isLetter(c)) {
            const QChar::Script script = QChar::script(c);
            if (confusableScript(script)) {
                if (confusable != QChar::Script_Unknown && confusable != script)
                    return UsernameProblem::MixedScripts;
                confusable = script;
            }
            base = script;
        } else if (isMark(c)) {
            if (base == QChar::Script_Unknown || confusableScript(base) ||
                base == QChar::Script_Common || base == QChar::Script_Inherited)
                return UsernameProblem::Character;
        } else if (QChar::isDigit(c) || c == u'_' || c == u'.' || c == u'-') {
            base = QChar::Script_Unknown;
        } else {
            return UsernameProblem::Character;
        }
    }
    return UsernameProblem::None;
}

QString usernameKey(const QString &name)
{
    return normalizedUsername(normalizedUsername(name).toCaseFolded());
}

} // namespace hm
