#pragma once

// Reads a service's OpenAPI document (seed 003 §15.2 steps 2-3,
// docs/services.md): from its schema URL, or, without one, from the usual
// paths (core/openapi probePaths) under its base URL, in order, until one
// answers a document. Asynchronous on the thread that owns it (the server
// thread): the fetch is a QNetworkReply, the parse runs on a small pool of
// its own so a large document does not hold the server thread. Bounded:
// the document's size (maxBytes, checked while it downloads), each request's
// time (timeoutMs), the work of the parse (core/openapi's limits). No
// credential is sent with these requests. Only http and https URLs with a
// host are requested, redirects included (ServiceModel isFetchable()): a
// file:, data: or ftp: URL is refused before anything is opened, so the
// server's own files are never read. A local document comes as its text
// (importText), parsed the same way under the same bound. Every host asked,
// redirect targets included, must pass the OutboundPolicy (public
// addresses only unless an administrator allows private networks).

#include "common/Result.h"
#include "openapi/OpenApiTypes.h"
#include "server/services/outbound/OutboundPolicy.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace hm::server::external {

struct FetchedDocument
{
    QUrl source; // where the document was read
    openapi::ImportedDocument document;
};

class SchemaFetcher : public QObject
{
    Q_OBJECT
public:
    // The largest document read, downloaded or given as text.
    static constexpr qint64 kMaxDocumentBytes = 16 * 1024 * 1024;

    explicit SchemaFetcher(QObject *parent = nullptr);
    ~SchemaFetcher() override;

    // `schemaUrl` empty: probe. Errors (details.reason):
    //   VALIDATION_ERROR     SCHEME (base or schema URL not http/https with
    //                        a host; details.field), before any request;
    //                        PRIVATE_ADDRESS (OutboundPolicy; also for a
    //                        redirect's target)
    //   SERVICE_UNAVAILABLE  UNREACHABLE (no connection, no answer in time),
    //                        HTTP_STATUS (the schema URL answered non-2xx),
    //                        REDIRECT (redirected to a URL that is not
    //                        http/https, from https to http, or more than
    //                        5 times: not followed; probing looks further)
    //   SCHEMA_PARSE_ERROR   TOO_LARGE (above maxBytes), NO_DOCUMENT (no
    //                        usual path answered one; details.tried), and
    //                        core/openapi's reasons with pointer / line,
    //                        column; details.url names the document.
    using Done = std::function<void(Result<FetchedDocument>)>;
    void fetch(const QUrl &baseUrl, const QString &schemaUrl, int timeoutMs, Done done);
    // A document given as its text (a local file the console read): no
    // request; TOO_LARGE above maxBytes, else parsed as a download is
    // (errors carry details.field "document"; the source is empty).
    void importText(QByteArray text, Done done);

    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    void setOutboundPolicy(outbound::OutboundPolicy policy) { m_policy = policy; }

private:
    struct Download
    {
        int status = 0;       // 0: no answer
        int networkError = 0; // QNetworkReply::NetworkError
        bool tooLarge = false;
        bool redirectRefused = false;
        std::optional<Error> refusal; // a redirect target the policy refused
        QByteArray body;
    };
    void download(const QUrl &url, int timeoutMs, std::function<void(Download)> done);
    void parse(const QUrl &url, QByteArray text, std::function<void(Result<FetchedDocument>)> done);
    void probe(const QUrl &baseUrl, int index, int timeoutMs, QStringList tried, Done done);
    void fetchAdmitted(const QUrl &url, int timeoutMs, Done done);

    QNetworkAccessManager *m_network;
    QThreadPool m_pool;
    qint64 m_maxBytes = kMaxDocumentBytes;
    outbound::OutboundPolicy m_policy;
};

} // namespace hm::server::external
