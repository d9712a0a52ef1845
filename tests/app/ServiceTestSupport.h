#pragma once

// What the Services client and page tests share: OpenAPI documents of a
// small pet store (version 1 and a changed version 2) and a peer on
// loopback that serves the current one at /openapi.json and answers the
// pet endpoints; and the same pet store entered by hand (no document),
// as the service-node tests register it (registerService).

#include "AdminTestSupport.h"
#include "RecordingHttpPeer.h"
#include "client/ApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace servicetest {

inline QJsonObject operation(const QString &id, const QString &summary,
                             const QJsonArray &parameters = {}, const QJsonObject &body = {})
{
    const QJsonObject pet{{"type", "object"},
                          {"properties", QJsonObject{{"id", QJsonObject{{"type", "integer"}}},
                                                     {"name", QJsonObject{{"type", "string"}}}}}};
    const QJsonObject ok{
        {"description", "ok"},
        {"content", QJsonObject{{"application/json", QJsonObject{{"schema", pet}}}}}};
    const QJsonObject responses{{"200", ok}, {"404", QJsonObject{{"description", "not found"}}}};
    QJsonObject op{{"operationId", id}, {"summary", summary}, {"responses", responses}};
    if (!parameters.isEmpty())
        op.insert("parameters", parameters);
    if (!body.isEmpty()) {
        const QJsonObject media{{"application/json", QJsonObject{{"schema", body}}}};
        op.insert("requestBody", QJsonObject{{"required", true}, {"content", media}});
    }
    return op;
}

inline QJsonObject parameter(const QString &name, const QString &in, const QString &type,
                             bool required = false, const QString &description = {})
{
    QJsonObject p{{"name", name},
                  {"in", in},
                  {"required", required},
                  {"schema", QJsonObject{{"type", type}}}};
    if (!description.isEmpty())
        p.insert("description", description);
    return p;
}

inline QJsonObject petBody()
{
    return QJsonObject{
        {"type", "object"},
        {"required", QJsonArray{"name"}},
        {"properties",
         QJsonObject{
             {"name", QJsonObject{{"type", "string"}, {"description", "the pet's name"}}},
             {"tag", QJsonObject{{"type", "string"}}},
             {"owner", QJsonObject{{"type", "object"},
                                   {"properties",
                                    QJsonObject{{"email", QJsonObject{{"type", "string"},
                                                                      {"format", "email"}}}}}}}}}};
}

// Version 1: GET /pets, POST /pets, GET /pets/{petId}.
inline QByteArray documentV1()
{
    return QJsonDocument(
               QJsonObject{
                   {"openapi", "3.0.3"},
                   {"info", QJsonObject{{"title", "Pet store"}, {"version", "1.0"}}},
                   {"paths",
                    QJsonObject{
                        {"/pets",
                         QJsonObject{
                             {"get", operation("listPets", "List pets",
                                               {parameter("limit", "query", "integer", false,
                                                          "at most this many"),
                                                parameter("X-Trace", "header", "string")})},
                             {"post", operation("createPet", "Create a pet",
                                                {parameter("Idempotency-Key", "header", "string")},
                                                petBody())}}},
                        {"/pets/{petId}",
                         QJsonObject{
                             {"get", operation("showPet", "Show one pet",
                                               {parameter("petId", "path", "string", true)})}}}}}})
        .toJson();
}

// Version 2: GET /pets/{petId} removed, POST /pets changed (a query
// parameter more), GET /owners added.
inline QByteArray documentV2()
{
    return QJsonDocument(
               QJsonObject{
                   {"openapi", "3.0.3"},
                   {"info", QJsonObject{{"title", "Pet store"}, {"version", "2.0"}}},
                   {"paths",
                    QJsonObject{
                        {"/pets",
                         QJsonObject{
                             {"get", operation("listPets", "List pets",
                                               {parameter("limit", "query", "integer", false,
                                                          "at most this many"),
                                                parameter("X-Trace", "header", "string")})},
                             {"post", operation("createPet", "Create a pet",
                                                {parameter("Idempotency-Key", "header", "string"),
                                                 parameter("dryRun", "query", "boolean")},
                                                petBody())}}},
                        {"/owners",
                         QJsonObject{{"get", operation("listOwners", "List owners")}}}}}})
        .toJson();
}

// The peer's answers: the document at /openapi.json, pets as JSON.
struct PetStore
{
    QByteArray document = documentV1();
    bool broken = false; // every answer a 500 HTML page

    hm::test::RecordingPeer::Answer answer()
    {
        return [this](const hm::test::RecordedRequest &r) -> hm::test::RecordingPeer::Reply {
            if (broken)
                return {500, "<html>oops</html>", "text/html"};
            if (r.path() == "/openapi.json")
                return {200, document};
            if (r.path() == "/pets" && r.method == "GET")
                return {200,
                        R"([{"id":1,"name":"Rex"},{"id":2,"name":"Tom"}])",
                        "application/json",
                        {{"X-Total", "2"}}};
            if (r.path() == "/pets" && r.method == "POST")
                return {201, R"({"id":3,"name":"Kitty","created":true})"};
            if (r.path().startsWith("/pets/"))
                return {200, R"({"id":1,"name":"Rex"})"};
            return {404, R"({"error":"no such path"})"};
        };
    }
};

// {"type":"object","properties":…,"required":…}
inline QJsonObject objectSchema(const QJsonObject &properties, const QStringList &required = {})
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

inline QJsonObject typed(const QString &type)
{
    return QJsonObject{{QStringLiteral("type"), type}};
}

// POST /services body: "petstore" at baseUrl, endpoints entered by hand:
// getPet GET /pets/{petId} (petId string, query verbose boolean) and
// listPets GET /pets (query limit integer).
inline QJsonObject manualPetStore(const QString &baseUrl)
{
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("petstore")},
        {QStringLiteral("display_name"), QStringLiteral("Pet store")},
        {QStringLiteral("base_url"), baseUrl},
        {QStringLiteral("endpoints"),
         QJsonArray{
             QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("getPet")},
                 {QStringLiteral("description"), QStringLiteral("Find a pet by its id")},
                 {QStringLiteral("method"), QStringLiteral("GET")},
                 {QStringLiteral("path"), QStringLiteral("/pets/{petId}")},
                 {QStringLiteral("pathParams"),
                  objectSchema({{QStringLiteral("petId"), typed(QStringLiteral("string"))}},
                               {QStringLiteral("petId")})},
                 {QStringLiteral("queryParams"),
                  objectSchema({{QStringLiteral("verbose"), typed(QStringLiteral("boolean"))}})}},
             QJsonObject{
                 {QStringLiteral("name"), QStringLiteral("listPets")},
                 {QStringLiteral("description"), QStringLiteral("List the pets")},
                 {QStringLiteral("method"), QStringLiteral("GET")},
                 {QStringLiteral("path"), QStringLiteral("/pets")},
                 {QStringLiteral("queryParams"),
                  objectSchema({{QStringLiteral("limit"), typed(QStringLiteral("integer"))}})}}}}};
}

// POST /services with `body` (manualPetStore's, say) through `client`: the
// service as the server answers it, with its endpoints' ids.
inline hm::Result<QJsonObject> registerService(hm::client::ApiClient &client,
                                               const QJsonObject &body)
{
    return admintest::await<QJsonObject>([&](auto done) {
        client.call<QJsonObject>(
            hm::client::ApiRequest::post(QStringLiteral("/api/v1/services"), body),
            [](const hm::client::ApiResponse &r) -> hm::Result<QJsonObject> {
                return r.data.toObject();
            },
            hm::client::Callback<QJsonObject>(done));
    });
}

// The id of the endpoint called `name` in a POST /services answer.
inline QString endpointId(const QJsonObject &service, const QString &name)
{
    for (const QJsonValue e : service.value(QStringLiteral("endpoints")).toArray()) {
        if (e[QStringLiteral("name")].toString() == name)
            return e[QStringLiteral("id")].toString();
    }
    return {};
}

} // namespace servicetest
