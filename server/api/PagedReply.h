#pragma once

#include "server/api/ApiRouter.h"
#include "server/api/QueryParams.h"

#include <QJsonArray>
#include <QString>

namespace hm::server {

// The answer of every list route: one page of items under `itemsKey` and
// the pagination object beside it,
//   {"items": [...], "pagination": {page, size, total, pages, has_next, has_prev}}
// so all lists page the same way:
//
//   HM_TRY(paging, parsePaging(c.request.query()));
//   HM_TRY(page, service.list(paging.value()));
//   ...
//   return pagedReply(items, paging.value(), page.value().total);
//
// Older lists keep the name they had for their items ("users", "logs").
ApiReply pagedReply(const QJsonArray &items, const Paging &paging, qint64 total,
                    const QString &itemsKey = QStringLiteral("items"));

} // namespace hm::server
