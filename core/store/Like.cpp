#include "store/Like.h"

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

} // namespace hm::store
