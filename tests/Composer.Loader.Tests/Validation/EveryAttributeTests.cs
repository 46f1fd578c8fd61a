using Xunit;

namespace Composer.Loader.Tests.Validation;

/// <summary>Every attribute of the specification, written the way the specification shows it, passes the schema.</summary>
public sealed class EveryAttributeTests
{
    private const string EveryServiceAttribute = """
        services:
          web:
            annotations:
              com.example.foo: bar
            attach: false
            blkio_config:
              weight: 300
              weight_device:
                - path: /dev/sda
                  weight: 400
              device_read_bps:
                - path: /dev/sdb
                  rate: '12mb'
              device_read_iops:
                - path: /dev/sdb
                  rate: 120
              device_write_bps:
                - path: /dev/sdb
                  rate: '1024k'
              device_write_iops:
                - path: /dev/sdb
                  rate: 30
            build:
              context: ./dir
              dockerfile: webapp.Dockerfile
              dockerfile_inline: ""
              args:
                GIT_COMMIT: cdc3b19
              ssh:
                - default
              cache_from:
                - type=local,src=path/to/cache
              cache_to:
                - type=local,dest=path/to/cache
              additional_contexts:
                resources: /path/to/resources
              entitlements:
                - network.host
              extra_hosts:
                - "somehost=162.242.195.82"
              isolation: default
              labels:
                com.example.description: "Accounting webapp"
              network: host
              no_cache: true
              platforms:
                - "linux/amd64"
              privileged: true
              provenance: mode=max
              pull: true
              sbom: true
              secrets:
                - server-certificate
              shm_size: '2gb'
              tags:
                - "myimage:mytag"
              target: prod
              ulimits:
                nofile:
                  soft: 20000
                  hard: 40000
            cap_add: [ALL]
            cap_drop: [NET_ADMIN, SYS_ADMIN]
            cgroup: private
            cgroup_parent: m-executor-abcd
            command: ["bundle", "exec", "thin", "-p", "3000"]
            configs:
              - my_config
              - source: my_other_config
                target: /redis_config
                uid: "103"
                gid: 103
                mode: 0440
            container_name: my-web-container
            cpu_count: 2
            cpu_percent: 50
            cpu_period: 100000
            cpu_quota: 50000
            cpu_rt_period: 1400us
            cpu_rt_runtime: 950000
            cpu_shares: 512
            cpus: 1.5
            cpuset: 0-3
            credential_spec:
              file: my-credential-spec.json
            depends_on:
              db:
                condition: service_healthy
                restart: true
                required: true
            deploy:
              mode: replicated
              replicas: 2
              endpoint_mode: vip
              labels:
                com.example.description: "This label will appear on the web service"
              placement:
                constraints:
                  - node.labels.disktype==ssd
                preferences:
                  - spread: node.labels.zone
                max_replicas_per_node: 1
              resources:
                limits:
                  cpus: '0.50'
                  memory: 50M
                  pids: 1
                reservations:
                  cpus: '0.25'
                  memory: 20M
                  generic_resources:
                    - discrete_resource_spec:
                        kind: 'gpu'
                        value: 2
                  devices:
                    - capabilities: ["nvidia-compute"]
                      driver: nvidia
                      count: all
                      device_ids: ["0", "3"]
                      options:
                        virtualization: false
              restart_policy:
                condition: on-failure
                delay: 5s
                max_attempts: 3
                window: 120s
              rollback_config:
                parallelism: 0
                delay: 0s
                failure_action: pause
                monitor: 0s
                max_failure_ratio: 0
                order: stop-first
              update_config:
                parallelism: 2
                delay: 10s
                order: start-first
            develop:
              watch:
                - path: ./webapp/html
                  action: sync
                  target: /var/www
                  ignore:
                    - node_modules/
                  initial_sync: true
                - path: ./src
                  action: sync+exec
                  target: /src
                  exec:
                    command: ["kill", "-HUP", "1"]
                - path: package.json
                  action: rebuild
            device_cgroup_rules:
              - 'c 1:3 mr'
            devices:
              - "/dev/ttyUSB0:/dev/ttyUSB0"
              - source: /dev/sda
                target: /dev/xvda
                permissions: rwm
            dns: [8.8.8.8, 9.9.9.9]
            dns_opt:
              - use-vc
            dns_search: dc1.example.com
            domainname: foo.com
            entrypoint: /code/entrypoint.sh -p 3000
            env_file:
              - path: ./default.env
                required: true
                format: raw
              - ./override.env
            environment:
              RACK_ENV: development
              SHOW: "true"
              USER_INPUT:
            expose:
              - "3000"
              - 8000
              - "8080-8085/tcp"
            external_links:
              - redis
            extra_hosts:
              somehost: "162.242.195.82"
              otherhost: ["50.31.209.229", "::1"]
            gpus: all
            group_add:
              - mail
              - 1001
            healthcheck:
              test: ["CMD", "curl", "-f", "http://localhost"]
              interval: 1m30s
              timeout: 10s
              retries: 3
              start_period: 40s
              start_interval: 5s
            hostname: web
            image: redis:5
            init: true
            ipc: "shareable"
            isolation: default
            label_file:
              - ./app.labels
            labels:
              - "com.example.department=Finance"
            links:
              - db:database
            logging:
              driver: syslog
              options:
                syslog-address: "tcp://192.168.0.42:123"
                max-file: 5
            mac_address: 02:42:ac:11:65:43
            mem_limit: 1gb
            mem_reservation: 512m
            mem_swappiness: 60
            memswap_limit: -1
            models:
              my_model:
                endpoint_var: MODEL_URL
                model_var: MODEL
            networks:
              front-tier:
                aliases: [alias1]
                interface_name: eth0
                ipv4_address: 172.16.238.10
                ipv6_address: 2001:3984:3989::10
                link_local_ips: [57.123.22.11]
                mac_address: 02:42:72:98:65:08
                driver_opts:
                  com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"
                priority: 1000
                gw_priority: 1
            oom_kill_disable: true
            oom_score_adj: -500
            pid: "host"
            pids_limit: 10
            platform: linux/arm64/v8
            ports:
              - "3000"
              - "127.0.0.1:8001:8001"
              - 9090
              - name: web
                target: 80
                host_ip: 127.0.0.1
                published: "8080-8081"
                protocol: tcp
                app_protocol: http
                mode: host
            post_start:
              - command: ./do_something_on_startup.sh
                user: root
                privileged: true
                environment:
                  - FOO=BAR
            pre_start:
              - image: alpine
                command: ["sh", "-c", "echo init"]
            pre_stop:
              - command: ./data_flush.sh
                working_dir: /app
            privileged: true
            profiles: ["frontend", "debug"]
            pull_policy: if_not_present
            read_only: true
            restart: unless-stopped
            runtime: runc
            scale: 1
            secrets:
              - server-certificate
              - source: server-certificate
                target: server.cert
                uid: "103"
                gid: "103"
                mode: 0o440
            security_opt:
              - label=user:USER
            shm_size: "2gb"
            stdin_open: true
            stop_grace_period: 1m30s
            stop_signal: SIGUSR1
            storage_opt:
              size: '1G'
            sysctls:
              net.core.somaxconn: 1024
            tmpfs:
              - /data:mode=755,uid=1009,gid=1009
            tty: true
            ulimits:
              nproc: 65535
              nofile:
                soft: 20000
                hard: 40000
            use_api_socket: true
            user: postgresql
            userns_mode: "host"
            uts: "host"
            volumes:
              - type: volume
                source: db-data
                target: /data
                read_only: false
                volume:
                  nocopy: true
                  subpath: sub
              - type: bind
                source: /var/run/postgres/postgres.sock
                target: /var/run/postgres/postgres.sock
                consistency: cached
                bind:
                  propagation: rprivate
                  create_host_path: true
                  selinux: z
                  recursive: enabled
              - type: tmpfs
                target: /cache
                tmpfs:
                  size: 1000000
                  mode: 1777
              - type: image
                source: nginx:alpine
                target: /mnt/image
                image:
                  subpath: usr/share
              - ./static:/static:ro
            volumes_from:
              - db:ro
            working_dir: /code
          db:
            image: postgres
            network_mode: "service:web"
          cloud:
            provider:
              type: awesomecloud
              options:
                type: mysql
                size: 256
                replicas: [a, b]
          child:
            extends:
              file: common.yml
              service: webapp
          short:
            extends: web
            build: ./app
            command: echo hi
            entrypoint: null
            env_file: .env
            gpus:
              - driver: 3dfx
                count: 2
            healthcheck:
              disable: true
            label_file: ./app.labels
            networks: [front-tier]
            depends_on: [db]
            models: [my_model]
        secrets:
          server-certificate:
            file: ./server.cert
        networks:
          front-tier: {}
        volumes:
          db-data: {}
        models:
          my_model:
            model: ai/model
        """;

    private const string EveryTopLevelElement = """
        version: "3.9"
        name: myapp
        include:
          - my-compose-include.yaml
          - path: ../commons/compose.yaml
            project_directory: ..
            env_file: ../another/.env
          - path:
              - base.yaml
              - override.yaml
        services:
          web:
            image: nginx
        networks:
          front:
            driver: bridge
            driver_opts:
              com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"
              mtu: 1500
            attachable: true
            enable_ipv4: false
            enable_ipv6: true
            internal: true
            labels:
              com.example.description: "Financial transaction network"
            ipam:
              driver: default
              config:
                - subnet: 172.28.0.0/16
                  ip_range: 172.28.5.0/24
                  gateway: 172.28.5.254
                  aux_addresses:
                    host1: 172.28.1.5
              options:
                foo: bar
            name: my-app-net
          outside:
            external: true
          legacy:
            external:
              name: actual-name
          bare:
        volumes:
          data:
            driver: foobar
            driver_opts:
              type: "nfs"
              o: "addr=10.40.0.199,nolock,soft,rw"
              device: ":/docker/example"
            external: false
            labels:
              - "com.example.label=x"
            name: "my-app-data"
          empty: ~
        secrets:
          server-certificate:
            file: ./server.cert
          token:
            environment: "OAUTH_TOKEN"
          outside:
            external: true
            name: "${SECRET_NAME}"
          templated:
            file: ./tpl
            template_driver: golang
            driver: vault
            driver_opts:
              path: /x
            labels:
              a: b
        configs:
          http_config:
            file: ./httpd.conf
          app_config:
            content: |
              debug=${DEBUG}
          env_config:
            environment: "CONFIG"
          external_config:
            external: true
            name: "${HTTP_CONFIG_KEY}"
        models:
          llm:
            model: ai/smollm2
            context_size: 1024
            runtime_flags:
              - "--a-flag"
          named:
            name: the-model
            model: ai/other
        x-custom:
          anything: [1, 2, 3]
        """;

    [Fact]
    public void Every_service_attribute_passes() => SchemaAssert.Valid(EveryServiceAttribute);

    [Fact]
    public void Every_top_level_element_passes() => SchemaAssert.Valid(EveryTopLevelElement);

    [Theory]
    [InlineData("gpus: yes-please", "")]
    [InlineData("pid: 1", "must be a string or null")]
    [InlineData("stop_grace_period: 10", "must be a string")]
    [InlineData("restart: [always]", "must be a string")]
    [InlineData("develop: {watch: [{path: ., action: copy}]}", "must be one of: rebuild, restart, sync, sync+exec, sync+restart")]
    [InlineData("develop: {watch: [{action: rebuild}]}", "missing required property 'path'")]
    [InlineData("post_start: [{user: root}]", "missing required property 'command'")]
    [InlineData("provider: {options: {a: b}}", "missing required property 'type'")]
    [InlineData("volumes: [{type: bind, source: ., target: /x, bind: {selinux: q}}]", "must be one of: z, Z")]
    [InlineData("deploy: {update_config: {order: sideways}}", "must be one of: start-first, stop-first")]
    [InlineData("devices: [{target: /dev/x}]", "missing required property 'source'")]
    [InlineData("logging: {options: {a: [1]}}", "must be a string, number, boolean or null")]
    [InlineData("healthcheck: {test: 1}", "must be a string or list")]
    [InlineData("env_file: [{required: false}]", "missing required property 'path'")]
    [InlineData("ulimits: {NOFILE: 1}", "invalid name 'NOFILE': it must match ^[a-z]+$")]
    [InlineData("networks: {\"front net\": {}}", "invalid name 'front net': use only letters, digits, '.', '_' and '-'")]
    public void Attribute_written_wrong_is_rejected(string attribute, string message)
    {
        var diagnostics = SchemaAssert.Validate("services:\n  web:\n    image: x\n    " + attribute + "\n");

        if (message.Length == 0)
        {
            // gpus accepts any text (it may hold an interpolated "all"): nothing to reject.
            Assert.Empty(diagnostics);
            return;
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Model_without_its_model_reference_is_rejected()
    {
        var diagnostic = SchemaAssert.SingleError("""
            models:
              llm:
                context_size: 1024
            """);

        Assert.Equal("missing required property 'model'", diagnostic.Message);
        Assert.Equal("models.llm", diagnostic.Path);
    }

    [Fact]
    public void Include_entry_with_unknown_key_is_rejected()
    {
        var diagnostic = SchemaAssert.SingleError("""
            include:
              - path: a.yaml
                env: .env
            """);

        Assert.Equal("additional property 'env' is not allowed", diagnostic.Message);
        Assert.Equal("include[0]", diagnostic.Path);
    }
}
