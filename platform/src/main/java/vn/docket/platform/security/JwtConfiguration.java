package vn.docket.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import vn.docket.platform.users.UserStore;

/**
 * The token checker, made only when an issuer is configured (see {@link JwtSettings}); a test may supply
 * its own {@link JwtDecoder} bean instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtSettings.class)
public class JwtConfiguration {

    @Bean
    TokenActors tokenActors(JwtSettings settings, UserStore users) {
        return new TokenActors(settings, id -> users.find(id).map(user -> !user.enabled()).orElse(false));
    }

    @Bean
    @Conditional(IssuerConfigured.class)
    JwtDecoder jwtDecoder(JwtSettings settings) {
        JwtDecoder decoder;
        if (JwtSettings.present(settings.publicKeyLocation())) {
            decoder = withValidators(NimbusJwtDecoder.withPublicKey(publicKey(settings.publicKeyLocation())).build(),
                    settings);
        } else if (JwtSettings.present(settings.jwkSetUri())) {
            decoder = withValidators(NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build(), settings);
        } else {
            // Discovery asks the issuer for its keys on the first token, not at start-up: Docket starts even
            // while the issuer is down.
            decoder = new SupplierJwtDecoder(() -> withValidators(
                    (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri()), settings));
        }
        return decoder;
    }

    private static NimbusJwtDecoder withValidators(NimbusJwtDecoder decoder, JwtSettings settings) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator()); // expiry and not-before, 60 s of clock skew
        if (JwtSettings.present(settings.issuerUri())) {
            validators.add(new JwtIssuerValidator(settings.issuerUri()));
        }
        if (JwtSettings.present(settings.audience())) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(settings.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Docket cannot read the issuer's public key at " + location, e);
        }
    }

    static class IssuerConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var env = context.getEnvironment();
            return JwtSettings.present(env.getProperty("docket.security.jwt.issuer-uri"))
                    || JwtSettings.present(env.getProperty("docket.security.jwt.jwk-set-uri"))
                    || JwtSettings.present(env.getProperty("docket.security.jwt.public-key-location"));
        }
    }
}
