#pragma once

// Where things sit in a wg-quick file being imported (WgImport): which
// section each line belongs to, so a refusal names "peers[2].allowed_ips"
// rather than a line alone, and the comments around each [Peer] section,
// from which a peer gets its name. wgquick::parse gives neither: it keeps
// only the comments right above a section header.
//
// Peers count from 1 in file order, like the "peer-N" names an unnamed
// peer gets.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace hm::server::vpn {

struct WgImportPeerComments
{
    // Comment lines between the section's header and its last key, and
    // (for the last peer) after its last key to the end of the file.
    QStringList inside;
    // Comment lines after the previous section's last key, above this
    // section's header (closest last).
    QStringList above;
};

struct WgImportLayout
{
    int interfaceLine = 0;                    // the [Interface] header, 1-based; 0: none
    QList<int> peerLines;                     // each [Peer] header, 1-based
    QList<WgImportPeerComments> peerComments; // one per peer
};

// Reads headers and comment lines only; the text's validity is
// wgquick::parse's business.
WgImportLayout wgImportLayout(QStringView text);

// "interface", "peers[N]" or empty (before the first section) for a line.
QString wgImportSectionOfLine(const WgImportLayout &layout, int line);

// The name the comments give a peer in the common forms ("Name = laptop",
// "friendly_name = laptop", "### Client laptop", "### begin laptop ###", a
// lone word "laptop"); empty when none does. Explicit forms win over a lone
// word, comments inside the section over those above it. The name is not
// checked here.
QString wgImportPeerName(const WgImportPeerComments &comments);

} // namespace hm::server::vpn
