#include "server/api/PagedReply.h"

namespace hm::server {

ApiReply pagedReply(const QJsonArray &items, const Paging &paging, qint64 total,
                    const QString &itemsKey)
{
    return ApiReply::ok(QJsonObject{{itemsKey, items},
                                    {QStringLiteral("pagination"), paginationJson(paging, total)}});
}

} // namespace hm::server
