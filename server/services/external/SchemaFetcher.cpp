#include "server/services/external/SchemaFetcher.h"

#include "common/Logging.h"
#include "openapi/OpenApiImport.h"
#include "openapi/ProbePaths.h"
#include "server/services/external/NetworkProblem.h"
#include "server/services/external/ServiceModel.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace hm::server::external {

namespace {

Error unreachable(const QUrl &url, int error)
{
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("the service could not be reached at %1: %2")
                     .arg(url.toString(), networkProblem(QNetworkReply::NetworkError(error))),
                 {{QStringLiteral("reason"), QStringLiteral("UNREACHABLE")},
                  {QStringLiteral("url"), url.toString()}}};
}

Error tooLarge(const QUrl &url, qint64 max)
{
    if (url.isEmpty())
        return Error{ErrorCode::SchemaParseError,
                     QStringLiteral("the document is larger than %1 bytes").arg(max),
                     {{QStringLiteral("reason"), QStringLiteral("TOO_LARGE")},
                      {QStringLiteral("field"), QStringLiteral("document")}}};
    return Error{
        ErrorCode::SchemaParseError,
        QStringLiteral("the document at %1 is larger than %2 bytes").arg(url.toString()).arg(max),
        {{QStringLiteral("reason"), QStringLiteral("TOO_LARGE")},
         {QStringLiteral("url"), url.toString()}}};
}

// Where the redirect pointed is the remote's word: not quoted.
Error redirectRefused(const QUrl &url)
{
    return Error{ErrorCode::ServiceUnavailable,
                 QStringLiteral("%1 redirected where the server does not follow: to a URL that "
                                "is not http or https, from https to http, or more than 5 times")
                     .arg(url.toString()),
                 {{QStringLiteral("reason"), QStringLiteral("REDIRECT")},
                  {QStringLiteral("url"), url.toString()}}};
}

bool followable(const QUrl &from, const QUrl &to)
{
    return isFetchable(to) &&
           !(from.scheme() == QLatin1String("https") && to.scheme() == QLatin1String("http"));
}

} // namespace

SchemaFetcher::SchemaFetcher(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_pool.setMaxThreadCount(2);
}

SchemaFetcher::~SchemaFetcher()
{
    m_pool.waitForDone();
}

void SchemaFetcher::download(const QUrl &url, int timeoutMs, std::function<void(Download)> done)
{
    auto state = std::make_shared<Download>();
    if (!isFetchable(url)) {
        // fetch() refuses these first; nothing else may reach the network
        // access manager, which would open file: and data: URLs itself.
        state->networkError = QNetworkReply::ProtocolUnknownError;
        return done(std::move(*state));
    }
    QNetworkRequest request(url);
    // Each redirect is checked here: only to http/https, never from https
    // to http (Qt would open a file: or data: target on its own terms).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json, application/yaml, text/yaml, */*;q=0.5");
    QNetworkReply *reply = m_network->get(request);
    const qint64 max = m_maxBytes;
    connect(reply, &QNetworkReply::redirected, this, [this, reply, state](const QUrl &target) {
        const QUrl from = reply->url();
        const QUrl to = from.resolved(target);
        if (!followable(from, to)) {
            state->redirectRefused = true;
            reply->abort();
            return;
        }
        // The target's host must pass the policy like the first one did;
        // the reply waits for the answer.
        m_policy.admit(to.host(), QStringLiteral("schema_url"), reply,
                       [reply, state](Status admitted) {
                           if (admitted) {
                               emit reply->redirectAllowed();
                               return;
                           }
                           state->refusal = admitted.error();
                           state->redirectRefused = true;
                           reply->abort();
                       });
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, state, max] {
        state->body += reply->read(max + 1 - state->body.size());
        if (state->body.size() > max && !state->tooLarge) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [reply, state, max, done = std::move(done)] {
        reply->deleteLater();
        if (!state->tooLarge)
            state->body += reply->read(max + 1 - state->body.size());
        if (state->body.size() > max)
            state->tooLarge = true;
        state->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        state->networkError = int(reply->error());
        // Qt itself refuses some redirects (an unknown scheme, too many).
        if (state->networkError == QNetworkReply::ProtocolUnknownError ||
            state->networkError == QNetworkReply::InsecureRedirectError ||
            state->networkError == QNetworkReply::TooManyRedirectsError)
            state->redirectRefused = true;
        if (state->redirectRefused)
            state->body.clear();
        done(std::move(*state));
    });
}

void SchemaFetcher::parse(const QUrl &url, QByteArray text,
                          std::function<void(Result<FetchedDocument>)> done)
{
    m_pool.start([this, url, text = std::move(text), done = std::move(done)] {
        Result<openapi::ImportedDocument> imported = openapi::importOpenApi(text);
        QMetaObject::invokeMethod(
            this,
            [url, imported = std::move(imported), done] {
                if (!imported) {
                    Error error = imported.error();
                    if (url.isEmpty()) {
                        error.details.insert(QStringLiteral("field"), QStringLiteral("document"));
                        error.message =
                            QStringLiteral("the document cannot be read: %1").arg(error.message);
                        return done(error);
                    }
                    error.details.insert(QStringLiteral("url"), url.toString());
                    error.message = QStringLiteral("the document at %1 cannot be read: %2")
                                        .arg(url.toString(), error.message);
                    return done(error);
                }
                done(FetchedDocument{url, imported.value()});
            },
            Qt::QueuedConnection);
    });
}

void SchemaFetcher::importText(QByteArray text, Done done)
{
    if (text.size() > m_maxBytes)
        return done(tooLarge(QUrl(), m_maxBytes));
    qCDebug(lcServer).noquote() << "services: reading an OpenAPI document of" << text.size()
                                << "bytes given as text";
    parse(QUrl(), std::move(text), std::move(done));
}

void SchemaFetcher::fetch(const QUrl &baseUrl, const QString &schemaUrl, int timeoutMs, Done done)
{
    // Up front, before anything is opened: a stored row or a caller that
    // skipped validation still cannot make the server read a local file.
    if (!isFetchable(baseUrl))
        return done(unfetchableUrl(QStringLiteral("base_url")));
    if (auto checked = checkSchemaUrl(schemaUrl, QStringLiteral("schema_url")); !checked)
        return done(checked.error());
    if (schemaUrl.isEmpty()) {
        // Every usual path is under the base URL's host: checked once.
        return m_policy.admit(baseUrl.host(), QStringLiteral("base_url"), this,
                              [this, baseUrl, timeoutMs, done = std::move(done)](Status admitted) {
                                  if (!admitted)
                                      return done(admitted.error());
                                  probe(baseUrl, 0, timeoutMs, {}, done);
                              });
    }
    const QUrl url = resolveAgainst(baseUrl, schemaUrl);
    if (!isFetchable(url))
        return done(unfetchableUrl(QStringLiteral("schema_url")));
    m_policy.admit(url.host(), QStringLiteral("schema_url"), this,
                   [this, url, timeoutMs, done = std::move(done)](Status admitted) {
                       if (!admitted)
                           return done(admitted.error());
                       fetchAdmitted(url, timeoutMs, done);
                   });
}

void SchemaFetcher::fetchAdmitted(const QUrl &url, int timeoutMs, Done done)
{
    qCDebug(lcServer).noquote() << "services: reading the OpenAPI document" << url.toString();
    download(url, timeoutMs, [this, url, done = std::move(done)](Download d) mutable {
        if (d.refusal)
            return done(*d.refusal);
        if (d.redirectRefused)
            return done(redirectRefused(url));
        if (d.tooLarge)
            return done(tooLarge(url, m_maxBytes));
        if (d.status == 0)
            return done(unreachable(url, d.networkError));
        if (d.status < 200 || d.status > 299)
            return done(Error{ErrorCode::ServiceUnavailable,
                              QStringLiteral("the schema URL %1 answered HTTP %2")
                                  .arg(url.toString())
                                  .arg(d.status),
                              {{QStringLiteral("reason"), QStringLiteral("HTTP_STATUS")},
                               {QStringLiteral("url"), url.toString()},
                               {QStringLiteral("http_status"), d.status}}});
        parse(url, std::move(d.body), std::move(done));
    });
}

void SchemaFetcher::probe(const QUrl &baseUrl, int index, int timeoutMs, QStringList tried,
                          Done done)
{
    const QStringList paths = openapi::probePaths();
    if (index >= paths.size())
        return done(Error{ErrorCode::SchemaParseError,
                          QStringLiteral("no OpenAPI document was found at the %1 usual paths "
                                         "under %2; give the schema URL, or add endpoints by "
                                         "hand")
                              .arg(paths.size())
                              .arg(baseUrl.toString()),
                          {{QStringLiteral("reason"), QStringLiteral("NO_DOCUMENT")},
                           {QStringLiteral("tried"), QJsonArray::fromStringList(tried)}}});
    const QUrl url = resolveAgainst(baseUrl, paths.at(index));
    if (!isFetchable(url))
        return done(unfetchableUrl(QStringLiteral("base_url")));
    tried.append(url.toString());
    download(url, timeoutMs,
             [this, baseUrl, index, timeoutMs, tried, url, done = std::move(done)](Download d) {
                 if (d.refusal)
                     return done(*d.refusal);
                 if (d.redirectRefused) {
                     // Not followed; like any other non-document, look further.
                     qCDebug(lcServer).noquote()
                         << "services: a redirect from" << url.toString() << "was not followed";
                     return probe(baseUrl, index + 1, timeoutMs, tried, done);
                 }
                 if (d.status == 0 && !d.tooLarge) {
                     // Every other path would fail the same way.
                     return done(unreachable(url, d.networkError));
                 }
                 if (d.tooLarge || d.status < 200 || d.status > 299) {
                     qCDebug(lcServer).noquote()
                         << "services: no document at" << url.toString() << "status" << d.status;
                     return probe(baseUrl, index + 1, timeoutMs, tried, done);
                 }
                 parse(url, std::move(d.body),
                       [this, baseUrl, index, timeoutMs, tried, done](Result<FetchedDocument> r) {
                           if (r)
                               return done(std::move(r));
                           const QString reason = openapi::importErrorReason(r.error());
                           // An HTML page, a JSON answer of another kind: not
                           // the document, look further. A document that is
                           // wrong is reported as it is.
                           if (reason == QLatin1String("SYNTAX") ||
                               reason == QLatin1String("NOT_OPENAPI")) {
                               qCDebug(lcServer).noquote()
                                   << "services: not a document:" << r.error().message;
                               return probe(baseUrl, index + 1, timeoutMs, tried, done);
                           }
                           done(std::move(r));
                       });
             });
}

} // namespace hm::server::external
