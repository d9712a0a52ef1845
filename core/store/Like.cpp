#include "store/Like.h"

#include <QStringList>

namespace hm::store {

QString likePattern(QStringView text)
{
    QString pattern;
    pattern.reserve(text.size() + 2);
    pattern.append(u'%');
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            pattern.append(u'\\');
        pattern.append(c);
    }
    pattern.append(u'%');
    return pattern;
}

QString likeCondition(QStringView expression)
{
    return expression.toString() + QStringLiteral(" LIKE ? ESCAPE '\\'");
}

QString likeAnyCondition(std::initializer_list<QStringView> expressions, QStringView text,
                         QVariantList &binds)
{
    const QString pattern = likePattern(text);
    QStringList alternatives;
    for (const QStringView expression : expressions) {
        alternatives << likeCondition(expression);
        binds << pattern;
    }
    return u'(' + alternatives.join(QStringLiteral(" OR ")) + u')';
}

} // namespace hm::store
