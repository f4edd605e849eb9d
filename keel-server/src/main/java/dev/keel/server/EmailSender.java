package dev.keel.server;

import dev.keel.store.alert.Delivery;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends an alert as a plain-text e-mail over SMTP (Jakarta Mail): the subject, then the alert's
 * JSON. The SMTP password, when the relay needs one, comes from KEEL_SMTP_PASSWORD, never from an
 * argument or a log.
 */
public final class EmailSender {

  private final Session session;
  private final String from;
  private final Optional<String> user;
  private final String password;

  public EmailSender(String host, int port, String from, Optional<String> user, String password) {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
    this.session = Session.getInstance(props);
    this.from = from;
    this.user = user;
    this.password = password;
  }

  /** Empty when the relay accepted the message, else why not. */
  public Optional<String> send(Delivery d) {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(d.target()));
      message.setSubject("[Keel] " + d.subject(), StandardCharsets.UTF_8.name());
      message.setText(d.subject() + "\n\n" + d.body(), StandardCharsets.UTF_8.name());
      message.setHeader("X-Keel-Alert", d.alertId());
      if (user.isPresent()) {
        Transport.send(message, user.get(), password);
      } else {
        Transport.send(message);
      }
      return Optional.empty();
    } catch (MessagingException e) {
      return Optional.of("SMTP: " + e.getMessage());
    }
  }
}
