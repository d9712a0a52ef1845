#pragma once

#include <QNetworkReply>
#include <QString>

namespace hm::server::external {

// What went wrong with an outgoing request, in words of our own: Qt's
// QNetworkReply::errorString() quotes the URL, and an api_key in its query
// string is part of it. Used wherever a test call, a service call or a
// schema download tells the user why it failed.
QString networkProblem(QNetworkReply::NetworkError error);

} // namespace hm::server::external
