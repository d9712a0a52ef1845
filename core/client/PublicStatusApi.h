#pragma once

// The public status page's settings (issue 35, "Public status"; docs/api.md
// "Public status"): which nodes people without an account may see, under
// which names. Reading is for anyone signed in, saving for administrators.

#include "client/ApiTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hm::client {

class ApiClient;

// One node of the page, in the page's order.
struct PublicNodeChoice
{
    QString id;
    QString displayName; // shown instead of the node's name; empty: its name

    bool operator==(const PublicNodeChoice &) const = default;
};

struct PublicStatusSettings
{
    bool enabled = false; // off by default: nothing is public
    QString title;
    QList<PublicNodeChoice> nodes;
    bool showAddresses = false;

    bool operator==(const PublicStatusSettings &) const = default;
};

namespace json {
PublicStatusSettings publicStatus(const QJsonObject &o);
QJsonObject publicStatusBody(const PublicStatusSettings &settings);
} // namespace json

class PublicStatusApi
{
public:
    explicit PublicStatusApi(ApiClient &client) : m_client(client) {}

    // GET /public-status.
    void fetch(Callback<PublicStatusSettings> done);
    // PUT /public-status with all of the settings (a refused one changes
    // nothing); answers them as stored (texts trimmed).
    void save(const PublicStatusSettings &settings, Callback<PublicStatusSettings> done);

private:
    ApiClient &m_client;
};

} // namespace hm::client
