#pragma once

// Runs a node on a component that is an HTTP service speaking
// docs/component-protocol.md: POST <endpoint>/execute, best-effort
// POST <endpoint>/cancel, GET <endpoint>/interface for registration.

#include "common/Result.h"
#include "engine/NodeExecutor.h"
#include "engine/http/ComponentEndpoints.h"
#include "flow/ComponentInterface.h"

#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace hm::engine {

class HttpComponentExecutor : public NodeExecutor
{
public:
    // `endpoint` is the component's base URL (e.g. http://127.0.0.1:9000 or
    // http://host/prefix); requests go to <endpoint>/execute and
    // <endpoint>/cancel. `network` is not owned; it must live on the engine
    // thread (the one calling start()) and outlive the runs, or at least be
    // destroyed after them: a run whose manager is gone just stays silent.
    // `blobBaseUrl` is the server's blob endpoint handed to the component
    // with the task's blobToken; empty leaves "blob" out of the request.
    HttpComponentExecutor(QUrl endpoint, QNetworkAccessManager *network, QUrl blobBaseUrl = {});
    // The blob base URL per task, asked on the engine thread at each
    // start(); the server answers <public url>/api/v1/blobs/<executionId>.
    using BlobUrlFor = std::function<QUrl(const NodeTask &)>;
    HttpComponentExecutor(QUrl endpoint, QNetworkAccessManager *network, BlobUrlFor blobUrl);
    // Several endpoints serving the same component version: each attempt
    // goes to the next available one (round robin, ComponentEndpoints), and
    // when connecting to it fails (refused, host not found: the request
    // surely never arrived) to the next, before the attempt fails. An
    // endpoint that answered, timed out or broke off mid-call is not
    // retried elsewhere: the component may have done the work.
    HttpComponentExecutor(std::shared_ptr<ComponentEndpoints> endpoints,
                          QNetworkAccessManager *network, BlobUrlFor blobUrl);

    // Dispatch gating: while no endpoint is available (the server's health
    // check found them unhealthy), start() does not call the component; the
    // attempt fails from the event loop with a retryable
    // COMPONENT_UNAVAILABLE whose details say reason "COMPONENT_UNHEALTHY",
    // so the retry policy may try again after the next good check. Any
    // thread may set it. setAvailable() sets every endpoint; per endpoint:
    // endpoints()->setAvailable(url, ...).
    void setAvailable(bool available) { m_endpoints->setAllAvailable(available); }
    bool isAvailable() const { return m_endpoints->anyAvailable(); }

    // The run's cancel() aborts the call, POSTs <endpoint>/cancel and
    // reports Cancelled through `done` from the event loop (never inside
    // cancel() itself, so callers may cancel while iterating their runs).
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool usesBlobToken() const override { return true; }

    // The first endpoint (empty when there is none).
    QUrl endpoint() const;
    const std::shared_ptr<ComponentEndpoints> &endpoints() const { return m_endpoints; }

private:
    std::shared_ptr<ComponentEndpoints> m_endpoints;
    QPointer<QNetworkAccessManager> m_network;
    BlobUrlFor m_blobUrl;
};

// GET <endpoint>/interface answers a JSON array of interface_def objects
// (seed 003 §4.3) each carrying "name" and "version". Fails with
// VALIDATION_ERROR naming the first bad entry.
Result<QList<flow::ComponentInterface>> parseInterfaceList(const QJsonDocument &document);

using InterfacesCallback = std::function<void(Result<QList<flow::ComponentInterface>>)>;
// Fetches and parses <endpoint>/interface; `callback` runs once, from the
// event loop of `network`'s thread. Transport failures and non-2xx answers
// are COMPONENT_UNAVAILABLE.
void fetchInterfaces(QNetworkAccessManager &network, const QUrl &endpoint,
                     InterfacesCallback callback);

struct ComponentHealth
{
    // What the service says it serves: (name, version) pairs.
    QList<QPair<QString, QString>> components;
};
// GET <endpoint>/health answers {"status":"healthy","components":[{name,version}]}.
// Anything else — another status, non-2xx, no answer within 10 s, not JSON —
// is COMPONENT_UNAVAILABLE (VALIDATION_ERROR when the body is not JSON).
Result<ComponentHealth> parseHealth(const QJsonDocument &document);
using HealthCallback = std::function<void(Result<ComponentHealth>)>;
// Checks a component service's health; `callback` runs once, from the event
// loop of `network`'s thread. Used at registration and by operators' checks.
void checkHealth(QNetworkAccessManager &network, const QUrl &endpoint, HealthCallback callback);

} // namespace hm::engine
