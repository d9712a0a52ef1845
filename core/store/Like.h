#pragma once

#include <QString>
#include <QStringView>
#include <QVariantList>
#include <initializer_list>

namespace hm::store {

// The one way user text reaches a LIKE. In SQLite's LIKE, '%' and '_' in the
// pattern are wildcards, and a pattern with many of them can take time
// exponential in their number on a long value (SQLCipher 3.4.1's SQLite
// 3.15 has no guard against that; one such LIKE on one row cannot even be
// interrupted). Searches therefore match the text literally: likePattern()
// escapes '\', '%' and '_' with '\' and wraps the result in '%…%', and
// likeCondition() is the matching SQL with ESCAPE '\'.
//
//   conditions << store::likeCondition(QStringLiteral("f.name"));
//   binds << store::likePattern(search);

// "%<text with \, % and _ escaped>%": contains `text`, ASCII case-insensitive.
QString likePattern(QStringView text);
// "<expression> LIKE ? ESCAPE '\'", one parameter: a likePattern().
QString likeCondition(QStringView expression);
// A search over several columns: "(<a> LIKE ? ESCAPE '\' OR <b> LIKE ? …)",
// with likePattern(text) appended to `binds` once per expression.
QString likeAnyCondition(std::initializer_list<QStringView> expressions, QStringView text,
                         QVariantList &binds);

} // namespace hm::store
