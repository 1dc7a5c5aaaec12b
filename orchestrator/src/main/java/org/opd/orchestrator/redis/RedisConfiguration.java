package org.opd.orchestrator.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(RedisProperties properties) {
        int timeoutMillis = Math.toIntExact(properties.timeout().toMillis());
        return new JedisPooled(new HostAndPort(properties.host(), properties.port()),
                DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(timeoutMillis)
                        .socketTimeoutMillis(timeoutMillis)
                        .clientName("opd-orchestrator")
                        .build());
    }
}
