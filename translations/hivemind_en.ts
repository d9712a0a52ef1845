<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>HiveMind console: design, run and watch workflows and your fleet.</source>
        <translation>HiveMind console: design, run and watch workflows and your fleet.</translation>
    </message>
    <message>
        <source>User interface language: %1.</source>
        <translation>User interface language: %1.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Directory of the local server&apos;s data (default: %1).</source>
        <translation>Directory of the local server&apos;s data (default: %1).</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>directory</translation>
    </message>
    <message>
        <source>Do not use the system keychain for the master key; use the key file.</source>
        <translation>Do not use the system keychain for the master key; use the key file.</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this PNG file once the server has answered, then quit.</source>
        <translation>Save a picture of the main window to this PNG file once the server has answered, then quit.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Section to show at start: %1.</source>
        <translation>Section to show at start: %1.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unknown language &quot;%1&quot;; choose one of: %2.</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unknown section &quot;%1&quot;; choose one of: %2.</translation>
    </message>
    <message>
        <source>No data directory; pass one with --data-dir.</source>
        <translation>No data directory; pass one with --data-dir.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>An overview of this HiveMind installation.</source>
        <translation>An overview of this HiveMind installation.</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, triggers and sharing.</source>
        <translation>Workflows you design as graphs of components, with their versions, triggers and sharing.</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>Every run of a flow, with the status, inputs and outputs of each node as it happens.</source>
        <translation>Every run of a flow, with the status, inputs and outputs of each node as it happens.</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>The catalogue of built-in and HTTP components that flows are built from.</source>
        <translation>The catalogue of built-in and HTTP components that flows are built from.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>External REST services imported from OpenAPI documents, with their endpoints and schemas.</source>
        <translation>External REST services imported from OpenAPI documents, with their endpoints and schemas.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Encrypted secrets used by flows and services; they can be replaced but never shown again.</source>
        <translation>Encrypted secrets used by flows and services; they can be replaced but never shown again.</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</source>
        <translation>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</source>
        <translation>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Alert rules, notification channels and the history of alerts that fired.</source>
        <translation>Alert rules, notification channels and the history of alerts that fired.</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>Audit &amp; Logs</translation>
    </message>
    <message>
        <source>Who changed what and when, and the server&apos;s logs, searchable and exportable.</source>
        <translation>Who changed what and when, and the server&apos;s logs, searchable and exportable.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Accounts, roles, API keys and two-factor authentication.</source>
        <translation>Accounts, roles, API keys and two-factor authentication.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Server configuration, backups and cluster settings.</source>
        <translation>Server configuration, backups and cluster settings.</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>another HiveMind server is using the data directory %1</source>
        <translation>another HiveMind server is using the data directory %1</translation>
    </message>
    <message>
        <source>the port to listen on is taken by another program</source>
        <translation>the port to listen on is taken by another program</translation>
    </message>
    <message>
        <source>the master key does not open the database in %1</source>
        <translation>the master key does not open the database in %1</translation>
    </message>
    <message>
        <source>the database in %1 is damaged; restore it from a backup</source>
        <translation>the database in %1 is damaged; restore it from a backup</translation>
    </message>
    <message>
        <source>no master key is configured</source>
        <translation>no master key is configured</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>the server cannot be reached</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>the server did not answer in time</translation>
    </message>
    <message>
        <source>the server is not available right now</source>
        <translation>the server is not available right now</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentCatalogue</name>
    <message>
        <source>The server&apos;s list of components cannot be read.</source>
        <translation>The server&apos;s list of components cannot be read.</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentPalette</name>
    <message>
        <source>%1, version %2. Drag it onto the canvas.</source>
        <translation>%1, version %2. Drag it onto the canvas.</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>Search components</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>hm::app::ConnectionDialog</name>
    <message>
        <source>Enter a name and an http:// or https:// address.</source>
        <translation>Enter a name and an http:// or https:// address.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>None (plain HTTP)</source>
        <translation>None (plain HTTP)</translation>
    </message>
    <message>
        <source>The server cannot be used: %1</source>
        <translation>The server cannot be used: %1</translation>
    </message>
    <message>
        <source>The server answers (status: %1).</source>
        <translation>The server answers (status: %1).</translation>
    </message>
    <message>
        <source>%1 — differs from the one remembered for this profile (%2)</source>
        <translation>%1 — differs from the one remembered for this profile (%2)</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>Add Server</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s TLS certificate</source>
        <translation>&amp;Verify the server&apos;s TLS certificate</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>C&amp;heck</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The server answers and is healthy.</source>
        <translation>The server answers and is healthy.</translation>
    </message>
    <message>
        <source>The server answers but reports a degraded state.</source>
        <translation>The server answers but reports a degraded state.</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardPage</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>Server version</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API version</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Activity overview</source>
        <translation>Activity overview</translation>
    </message>
    <message>
        <source>Running executions, node health, VPN status and recent alerts will be summarised here.</source>
        <translation>Running executions, node health, VPN status and recent alerts will be summarised here.</translation>
    </message>
    <message>
        <source>Not available yet in HiveMind %1.</source>
        <translation>Not available yet in HiveMind %1.</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Unhealthy</translation>
    </message>
    <message>
        <source>Open (encrypted)</source>
        <translation>Open (encrypted)</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>Starting the local server…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Local — the server runs inside this console</source>
        <translation>Local — the server runs inside this console</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Shared — the server already running on this data directory</source>
        <translation>Shared — the server already running on this data directory</translation>
    </message>
</context>
<context>
    <name>hm::app::EmptyStatePage</name>
    <message>
        <source>This section is not available yet in HiveMind %1.</source>
        <translation>This section is not available yet in HiveMind %1.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowCanvasStyle</name>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorWidget</name>
    <message numerus="yes">
        <source>Arranged %n node(s) with %1.</source>
        <translation>
            <numerusform>Arranged %n node with %1.</numerusform>
            <numerusform>Arranged %n nodes with %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>Cut the selected nodes</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>Copy the selected nodes</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>Paste nodes from the clipboard</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>Duplicate the selected nodes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>Delete the selected nodes and connections</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Select All</translation>
    </message>
    <message>
        <source>Select all nodes</source>
        <translation>Select all nodes</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>Add Node…</translation>
    </message>
    <message>
        <source>Search for a component and add it at the pointer</source>
        <translation>Search for a component and add it at the pointer</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole flow</source>
        <translation>Show the whole flow</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>Zoom to Selection</translation>
    </message>
    <message>
        <source>Show the selected nodes</source>
        <translation>Show the selected nodes</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>Snap to Grid</translation>
    </message>
    <message>
        <source>Align moved and added nodes to the grid</source>
        <translation>Align moved and added nodes to the grid</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>Auto-Layout</translation>
    </message>
    <message>
        <source>Arrange all nodes from left to right</source>
        <translation>Arrange all nodes from left to right</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>Flow editor</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowFragment</name>
    <message>
        <source>The pasted text is not flow nodes: %1 at character %2.</source>
        <translation>The pasted text is not flow nodes: %1 at character %2.</translation>
    </message>
    <message>
        <source>The pasted text is not flow nodes: it has no list of nodes.</source>
        <translation>The pasted text is not flow nodes: it has no list of nodes.</translation>
    </message>
    <message>
        <source>The pasted nodes are not valid: %1</source>
        <translation>The pasted nodes are not valid: %1</translation>
    </message>
    <message>
        <source>The pasted nodes use the id &quot;%1&quot; twice.</source>
        <translation>The pasted nodes use the id &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>The pasted text holds no nodes.</source>
        <translation>The pasted text holds no nodes.</translation>
    </message>
    <message>
        <source>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</source>
        <translation>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</translation>
    </message>
    <message>
        <source>The pasted connections form a cycle.</source>
        <translation>The pasted connections form a cycle.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowGraphModel</name>
    <message>
        <source>The flow definition cannot be opened: %1</source>
        <translation>The flow definition cannot be opened: %1</translation>
    </message>
    <message>
        <source>The flow settings are not valid: %1</source>
        <translation>The flow settings are not valid: %1</translation>
    </message>
    <message>
        <source>The flow definition uses the node id &quot;%1&quot; twice.</source>
        <translation>The flow definition uses the node id &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>The flow definition uses the edge id &quot;%1&quot; twice.</source>
        <translation>The flow definition uses the edge id &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>The flow definition cannot be opened: the text is not an object.</source>
        <translation>The flow definition cannot be opened: the text is not an object.</translation>
    </message>
    <message>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>There is no node &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A node cannot be connected to itself.</source>
        <translation>A node cannot be connected to itself.</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no output &quot;%2&quot;.</source>
        <translation>Node &quot;%1&quot; has no output &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no input &quot;%2&quot;.</source>
        <translation>Node &quot;%1&quot; has no input &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</source>
        <translation>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>These ports are already connected.</translation>
    </message>
    <message>
        <source>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</source>
        <translation>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>This connection would create a cycle: %1</source>
        <translation>This connection would create a cycle: %1</translation>
    </message>
    <message>
        <source>A node needs a component.</source>
        <translation>A node needs a component.</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Add node</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>Apply layout</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>There is no connection &quot;%1&quot;.</source>
        <translation>There is no connection &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>Change configuration</translation>
    </message>
    <message>
        <source>Change input mappings</source>
        <translation>Change input mappings</translation>
    </message>
    <message>
        <source>An input mapping needs an input name.</source>
        <translation>An input mapping needs an input name.</translation>
    </message>
    <message>
        <source>Change flow settings</source>
        <translation>Change flow settings</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowItems</name>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1 (%2, required)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The component %1 is not known to the server.</source>
        <translation>The component %1 is not known to the server.</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1.</source>
        <translation>The server has no version %2 of %1.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowLayout</name>
    <message>
        <source>built-in layered layout</source>
        <translation>built-in layered layout</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>Overview: click to move there</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowView</name>
    <message>
        <source>Select the nodes to zoom to first.</source>
        <translation>Select the nodes to zoom to first.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Select the nodes to copy first.</source>
        <translation>Select the nodes to copy first.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s).</source>
        <translation>
            <numerusform>Copied %n node.</numerusform>
            <numerusform>Copied %n nodes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the nodes to cut first.</source>
        <translation>Select the nodes to cut first.</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>The clipboard holds no nodes.</translation>
    </message>
    <message>
        <source>Select the nodes to duplicate first.</source>
        <translation>Select the nodes to duplicate first.</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n node(s).</source>
        <translation>
            <numerusform>Pasted %n node.</numerusform>
            <numerusform>Pasted %n nodes.</numerusform>
        </translation>
    </message>
    <message>
        <source>No components are known yet: connect to a server first.</source>
        <translation>No components are known yet: connect to a server first.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>This flow has no nodes yet</source>
        <translation>This flow has no nodes yet</translation>
    </message>
    <message>
        <source>Drag a component from the palette, or press %1 or start typing to add one here.</source>
        <translation>Drag a component from the palette, or press %1 or start typing to add one here.</translation>
    </message>
</context>
<context>
    <name>hm::app::MainWindow</name>
    <message>
        <source>HiveMind</source>
        <translation>HiveMind</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Navigation Sidebar</source>
        <translation>&amp;Navigation Sidebar</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>&amp;Status Bar</translation>
    </message>
    <message>
        <source>&amp;Refresh Server Status</source>
        <translation>&amp;Refresh Server Status</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About HiveMind</source>
        <translation>&amp;About HiveMind</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>Server failed: %1</source>
        <translation>Server failed: %1</translation>
    </message>
    <message>
        <source>Server version unknown</source>
        <translation>Server version unknown</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>About HiveMind</source>
        <translation>About HiveMind</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HiveMind %1&lt;/h3&gt;&lt;p&gt;A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.&lt;/p&gt;&lt;p&gt;This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveMind %1&lt;/h3&gt;&lt;p&gt;A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.&lt;/p&gt;&lt;p&gt;This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data Directory in Use</source>
        <translation>Data Directory in Use</translation>
    </message>
    <message>
        <source>Another HiveMind server (process %1) is using the data directory %2.</source>
        <translation>Another HiveMind server (process %1) is using the data directory %2.</translation>
    </message>
    <message>
        <source>Its address is not known. Stop that server, or start the console with another --data-dir.</source>
        <translation>Its address is not known. Stop that server, or start the console with another --data-dir.</translation>
    </message>
    <message>
        <source>Connect to it at %1 instead?</source>
        <translation>Connect to it at %1 instead?</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</source>
        <translation>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</translation>
    </message>
    <message>
        <source>First start: the local server created the administrator account. Its password was generated and saved in %1; change it after signing in.</source>
        <translation>First start: the local server created the administrator account. Its password was generated and saved in %1; change it after signing in.</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>Sign &amp;In…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Sign &amp;Out</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), for this session only</source>
        <translation>Signed in as %1 (%2), for this session only</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>Local server</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>&amp;Add Server…</translation>
    </message>
    <message>
        <source>S&amp;witch Server</source>
        <translation>S&amp;witch Server</translation>
    </message>
</context>
<context>
    <name>hm::app::QuickAddPopup</name>
    <message>
        <source>Add a component…</source>
        <translation>Add a component…</translation>
    </message>
</context>
<context>
    <name>hm::app::SignInDialog</name>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</source>
        <translation>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</translation>
    </message>
    <message>
        <source>The username, e-mail address or password is wrong.</source>
        <translation>The username, e-mail address or password is wrong.</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked until %1.</source>
        <translation>Too many failed attempts: sign-in is locked until %1.</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked for a while. Try again later.</source>
        <translation>Too many failed attempts: sign-in is locked for a while. Try again later.</translation>
    </message>
    <message>
        <source>This account is suspended. Ask an administrator.</source>
        <translation>This account is suspended. Ask an administrator.</translation>
    </message>
    <message>
        <source>This account is not activated yet.</source>
        <translation>This account is not activated yet.</translation>
    </message>
    <message>
        <source>The sign-in took too long. Enter your password again.</source>
        <translation>The sign-in took too long. Enter your password again.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Signing in failed: %1</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>Sign In to %1</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>&amp;Username or e-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;One-time code:</source>
        <translation>&amp;One-time code:</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 digits from your authenticator app</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Sign In</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
