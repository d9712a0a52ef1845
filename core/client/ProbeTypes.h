#pragma once

// Typed answers of the probe routes (/api/v1/probes, docs/api.md "Probes").

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace hm::client {

// What an agent checks besides its own machine: an HTTP(S) URL, a TCP port
// or an ICMP echo. Its results are the node metrics probe.<id>.*.
struct ProbeRow
{
    QString id; // never changes
    QString name;
    QString kind; // http, tcp, icmp
    QString target;
    QString keyword;        // http only; empty: none
    int expectedStatus = 0; // http only; 0: any 2xx/3xx
    bool tlsVerify = true;
    int intervalSeconds = 60;
    int timeoutSeconds = 10;
    bool enabled = true;
    QString scopeType = QStringLiteral("all"); // all, node, label
    QString scopeValue;                        // node: its id; label: the label
    QDateTime createdAt;
    QDateTime updatedAt;
};

// What POST and PATCH send; PATCH sends the fields set (the scope whole).
struct ProbeChange
{
    std::optional<QString> id; // creating only
    std::optional<QString> name;
    std::optional<QString> kind;
    std::optional<QString> target;
    std::optional<QString> keyword;
    std::optional<int> expectedStatus;
    std::optional<bool> tlsVerify;
    std::optional<int> intervalSeconds;
    std::optional<int> timeoutSeconds;
    std::optional<bool> enabled;
    std::optional<QString> scopeType; // sent with scopeValue
    QString scopeValue;
    QJsonObject toJson() const;
};

namespace json {
ProbeRow probe(const QJsonObject &o);
} // namespace json

} // namespace hm::client
