# Seed 001's Python SDK example ("SDK和示例" / "Python SDK示例"), the class
# copied unchanged; only the usage at the bottom takes the server's address
# and the administrator's credentials from the command line instead of the
# seed's placeholders, and checks what the calls return. Run by
# TestSeedPythonSdk against a real hivemind-server (issue 36: "the seed's
# Python SDK example must work against it unchanged").
import requests
import json
import sys

class IPv6WireGuardManager:
    def __init__(self, base_url, api_key=None, username=None, password=None):
        self.base_url = base_url.rstrip('/')
        self.session = requests.Session()
        
        if api_key:
            self.session.headers.update({'X-API-Key': api_key})
        elif username and password:
            self._authenticate(username, password)
    
    def _authenticate(self, username, password):
        response = self.session.post(
            f"{self.base_url}/api/v1/auth/login",
            json={"username": username, "password": password}
        )
        response.raise_for_status()
        data = response.json()
        self.session.headers.update({
            'Authorization': f"Bearer {data['data']['access_token']}"
        })
    
    def get_servers(self, page=1, size=20):
        response = self.session.get(
            f"{self.base_url}/api/v1/wireguard/servers",
            params={"page": page, "size": size}
        )
        response.raise_for_status()
        return response.json()
    
    def create_server(self, server_data):
        response = self.session.post(
            f"{self.base_url}/api/v1/wireguard/servers",
            json=server_data
        )
        response.raise_for_status()
        return response.json()
    
    def start_server(self, server_id):
        response = self.session.post(
            f"{self.base_url}/api/v1/wireguard/servers/{server_id}/start"
        )
        response.raise_for_status()
        return response.json()

# Usage, as the seed's (its placeholders from the command line).
base_url, username, password = sys.argv[1], sys.argv[2], sys.argv[3]
api_key = sys.argv[4] if len(sys.argv) > 4 else None

client = IPv6WireGuardManager(
    base_url=base_url,
    username=username,
    password=password
)

servers = client.get_servers()
print(json.dumps(servers, indent=2))
before = servers['data']['pagination']['total']

new_server = client.create_server({
    "name": "wg1",
    "interface": "wg1",
    "listen_port": 51821,
    "ipv4_address": "10.0.1.1/24",
    "ipv6_address": "2001:db8:1::1/64"
})
print(f"服务器创建成功: {new_server['data']['id']}")

started = client.start_server(new_server['data']['id'])
assert started['data']['status'] == 'running', started

after = client.get_servers()
assert after['data']['pagination']['total'] == before + 1, after
names = [s['name'] for s in after['data']['servers']]
assert 'wg1' in names, names
assert all(s['private_key'] == '***REDACTED***' for s in after['data']['servers'])

# The same with an API key (the class's other way in).
if api_key:
    keyed = IPv6WireGuardManager(base_url=base_url, api_key=api_key)
    assert keyed.get_servers()['data']['pagination']['total'] == before + 1

print("SDK_EXAMPLE_OK")
